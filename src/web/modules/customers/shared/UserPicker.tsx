/** The organisation's user picker (searches GET /users/options), reused for owners and team members. */
export { default } from '../../org/users/UserSelect';
