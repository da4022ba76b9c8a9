// Default choice lists (every one editable by the office in 设置) and the default outcome → 四种形态 mapping.
// Values removed from a list later stay readable on old records: lists constrain new input only.

/** The defaults as literal types: indicator names built from them (信访举报线索数 …) stay typed. */
export const DEFAULT_CHOICES = {
  meetingType: [
    '区委常委会专题听取汇报',
    '领导小组会议',
    '领导小组办公室会议',
    '动员部署会',
    '先行学习会',
    '推进会/调度会',
    '督导反馈会',
    '其他',
  ],
  phase: ['学习教育', '检视整改', '巩固提升'],
  taskSource: ['实施方案', '会议部署', '上级交办', '督导反馈'],
  taskStatus: ['未启动', '推进中', '已完成', '已销号'],
  inspectionMethod: ['听取汇报', '查阅资料', '个别谈话', '测试'],
  studyForm: [
    '集中学习',
    '中心组学习',
    '专题授课',
    '主题党日',
    '观看专题片',
    '交流研讨',
    '读书班',
    '警示教育',
    '应知应会测试',
    '其他',
  ],
  studyAudience: ['全体干部', '领导班子', '本单位干部'],
  writingAudience: ['全体干部', '领导班子'],
  ruleKind: ['实施方案', '工作方案', '工作制度', '具体规定', '学习教育制度', '其他'],
  ruleIssuer: ['领导小组', '领导小组办公室', '工作组', '下属单位'],
  ruleAction: ['新制定', '修订', '废止'],
  clueSource: ['信访举报', '上级交办', '巡视巡察移交', '审计移交', '监督检查发现', '其他'],
  clueCategory: [
    '违反政治纪律',
    '违反组织纪律',
    '违反廉洁纪律',
    '违反群众纪律',
    '违反工作纪律',
    '违反生活纪律',
    '其他',
  ],
  clueDisposition: ['谈话函询', '初步核实', '暂存待查', '予以了结', '拟立案'],
  clueOutcome: [
    '了结澄清',
    '谈话提醒',
    '批评教育',
    '责令检查',
    '通报批评',
    '诫勉',
    '党纪处分',
    '政务处分',
    '组织处理',
    '移送司法机关',
  ],
  clueSanction: [
    '警告',
    '严重警告',
    '撤销党内职务',
    '留党察看',
    '开除党籍',
    '政务警告',
    '记过',
    '记大过',
    '降级',
    '撤职',
    '开除',
    '停职',
    '调整职务',
    '免职',
  ],
  clueStatus: ['待处置', '处置中', '已办结'],
  /** 被反映人职级: the layers reports break clue and sanction figures down by. */
  cadreRank: ['县处级', '乡科级', '一般干部'],
  rectSource: ['个人自查', '征求意见', '谈心谈话', '督导反馈', '上级交办', '案件倒查'],
  rectCategory: ['思想政治', '纪律作风', '履职尽责', '制度机制', '廉洁自律', '其他'],
  rectKind: ['立行立改', '限期整改', '长期坚持'],
  rectStatus: ['整改中', '已整改', '已销号'],
  publicityKind: ['信息', '新闻', '评论', '专题', '图片', '新媒体'],
  publicityLevel: ['中央级', '省级', '市级', '区级', '内部'],
  opinionLevel: ['一般', '较大', '重大'],
  opinionStatus: ['处置中', '已处置'],
  bulletinKind: ['正刊', '增刊'],
} as const;

export type ChoiceListKey = keyof typeof DEFAULT_CHOICES;
/** One default choice of a list, e.g. DefaultChoice<'meetingType'> is '领导小组会议' | … . */
export type DefaultChoice<K extends ChoiceListKey> = (typeof DEFAULT_CHOICES)[K][number];

/** The same lists as plain editable arrays, the shape settings keep. */
export const DEFAULT_CHOICE_LISTS: Record<string, string[]> = Object.fromEntries(
  Object.entries(DEFAULT_CHOICES).map(([k, v]) => [k, [...v]]),
);

/**
 * Outcome or sanction → form (1..4). 了结澄清 counts as the first form only after 谈话函询 (the stats module
 * applies that condition); everything else is looked up here. Sanctions override the outcome when present.
 */
export const DEFAULT_FOUR_FORMS: Record<string, 1 | 2 | 3 | 4> = {
  了结澄清: 1,
  谈话提醒: 1,
  批评教育: 1,
  责令检查: 1,
  通报批评: 1,
  诫勉: 1,
  警告: 2,
  严重警告: 2,
  政务警告: 2,
  记过: 2,
  记大过: 2,
  降级: 2,
  停职: 2,
  调整职务: 2,
  免职: 2,
  撤销党内职务: 3,
  留党察看: 3,
  开除党籍: 3,
  撤职: 3,
  开除: 3,
  移送司法机关: 4,
};

export const FOUR_FORM_NAMES = ['第一种形态', '第二种形态', '第三种形态', '第四种形态'] as const;
