/**
 * Realistic Chinese business data from a seeded generator: the demo company and the benchmarks use
 * the same source, so a benchmark's data looks like what users keep.
 */
export type Rng = () => number;

/** mulberry32: small, fast, repeatable. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)];
export const between = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));

const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split('');
const givenChars = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力云飞鹏亮宇浩凯晨欣怡佳琪雪梅俊峰斌波宁倩婷志国海燕慧丹颖晓鑫思源子轩梓涵一诺雨萱博文浩然'.split('');
const cityPrefixes = ['北京', '上海', '广州', '深圳', '杭州', '南京', '苏州', '成都', '武汉', '西安', '重庆', '天津', '长沙', '郑州', '青岛', '宁波', '厦门', '合肥', '济南', '福州', '东莞', '佛山', '无锡', '昆明', '沈阳', '大连'];
const brandWords = ['华', '盛', '鑫', '达', '恒', '泰', '瑞', '丰', '宏', '嘉', '博', '安', '信', '诚', '远', '通', '联', '创', '智', '汇', '源', '新', '科', '美', '德', '利', '康', '天', '正', '明', '辰', '海', '金', '银', '中', '东', '方', '永', '兴', '隆'];
const trades = ['科技', '信息技术', '网络科技', '电子', '机械设备', '自动化', '新材料', '贸易', '商贸', '实业', '建设工程', '建材', '医疗器械', '生物科技', '食品', '物流', '环保科技', '电气', '能源', '文化传媒', '教育科技', '服装', '化工', '汽车配件', '家具', '包装', '印刷', '软件'];
const companyForms = ['有限公司', '有限公司', '有限公司', '股份有限公司', '有限责任公司'];
const mobilePrefixes = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '156', '157', '158', '159', '166', '170', '176', '177', '178', '180', '181', '182', '183', '185', '186', '187', '188', '189', '191', '198', '199'];
const titles = ['总经理', '副总经理', '采购经理', '采购专员', '技术总监', '工程师', '财务经理', '行政主管', '项目经理', '销售总监', '董事长', '运营经理'];

/** The demo's cities, with their telephone area codes (区号). */
export const regions: { province: string; city: string; areaCode: string; districts: string[] }[] = [
  { province: '北京市', city: '北京市', areaCode: '010', districts: ['朝阳区', '海淀区', '东城区', '西城区', '丰台区'] },
  { province: '上海市', city: '上海市', areaCode: '021', districts: ['浦东新区', '徐汇区', '静安区', '闵行区', '杨浦区'] },
  { province: '广东省', city: '广州市', areaCode: '020', districts: ['天河区', '越秀区', '海珠区', '番禺区', '白云区'] },
  { province: '广东省', city: '深圳市', areaCode: '0755', districts: ['南山区', '福田区', '宝安区', '龙岗区', '罗湖区'] },
  { province: '浙江省', city: '杭州市', areaCode: '0571', districts: ['西湖区', '滨江区', '余杭区', '拱墅区', '萧山区'] },
  { province: '江苏省', city: '南京市', areaCode: '025', districts: ['鼓楼区', '玄武区', '江宁区', '建邺区', '秦淮区'] },
  { province: '江苏省', city: '苏州市', areaCode: '0512', districts: ['工业园区', '姑苏区', '吴中区', '相城区', '虎丘区'] },
  { province: '四川省', city: '成都市', areaCode: '028', districts: ['武侯区', '锦江区', '高新区', '青羊区', '成华区'] },
  { province: '湖北省', city: '武汉市', areaCode: '027', districts: ['洪山区', '江汉区', '武昌区', '江岸区', '东西湖区'] },
  { province: '陕西省', city: '西安市', areaCode: '029', districts: ['雁塔区', '碑林区', '未央区', '长安区', '莲湖区'] },
  { province: '山东省', city: '青岛市', areaCode: '0532', districts: ['市南区', '市北区', '黄岛区', '崂山区', '李沧区'] },
  { province: '福建省', city: '厦门市', areaCode: '0592', districts: ['思明区', '湖里区', '集美区', '海沧区', '同安区'] },
];

export function personName(rng: Rng): string {
  const given = rng() < 0.6 ? pick(rng, givenChars) + pick(rng, givenChars) : pick(rng, givenChars);
  return pick(rng, surnames) + given;
}

export function companyName(rng: Rng): string {
  return pick(rng, cityPrefixes) + pick(rng, brandWords) + pick(rng, brandWords) + pick(rng, trades) + pick(rng, companyForms);
}

export function shortNameOf(company: string): string {
  const withoutCity = cityPrefixes.reduce((name, city) => (name.startsWith(city) ? name.slice(city.length) : name), company);
  return withoutCity.slice(0, 4);
}

export function mobile(rng: Rng): string {
  return pick(rng, mobilePrefixes) + String(Math.floor(rng() * 1e8)).padStart(8, '0');
}

/** A city's landline: its area code, then an eight-digit local number. */
export function landline(rng: Rng, areaCode: string): string {
  return `${areaCode}-${between(rng, 2000, 8999)}${String(between(rng, 0, 9999)).padStart(4, '0')}`;
}

export function region(rng: Rng) {
  const r = pick(rng, regions);
  return { province: r.province, city: r.city, areaCode: r.areaCode, district: pick(rng, r.districts) };
}

export function jobTitle(rng: Rng): string {
  return pick(rng, titles);
}

const followupTexts = [
  '电话沟通了产品报价，客户表示需要内部讨论',
  '上门拜访，演示了系统功能，对方技术负责人比较认可',
  '发送了产品资料和案例，约定下周再联系',
  '客户询问售后服务政策，已详细说明',
  '微信沟通交付周期，客户希望月底前到货',
  '参加客户内部会议，确认了采购需求和预算范围',
  '客户反馈竞品价格更低，需要申请特殊折扣',
  '回访老客户，了解使用情况，有增购意向',
];

export function followupText(rng: Rng): string {
  return pick(rng, followupTexts);
}
