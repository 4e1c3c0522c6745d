-- Custom SQL migration file, put your code below! --
-- The single characters and character pairs of a search text, for 1–2 character searches that a
-- trigram index cannot serve ("华盛" in a million customers). Words are split on white space; grams
-- holding a digit are left out (phone digits are searched with the trigram index, and digit pairs
-- would match nearly every row). Immutable, so a stored generated column can use it.
CREATE OR REPLACE FUNCTION search_grams(t text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT g), '{}'::text[])
  FROM regexp_split_to_table(t, '\s+') AS w,
       generate_series(1, char_length(w)) AS i,
       LATERAL (VALUES (substr(w, i, 1)), (substr(w, i, 2))) AS v(g)
  WHERE g !~ '[0-9]'
$$;
