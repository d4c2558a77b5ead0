// Every text of the operator console, in 简体中文 (the default) and English.
const zh = {
  admin: { brand: 'AggPay 运营后台', navigation: '主导航', loginTitle: '运营人员登录', username: '用户名', password: '密码' },
  adminNav: {
    review: '待审核', merchants: '商户', channels: '渠道健康', webhooks: '通知投递', reconciliation: '对账', audit: '操作审计',
  },
  merchants: {
    anyState: '全部状态', queueEmpty: '没有待审核的商户', company: '公司名称', merchantId: '商户 ID', email: '邮箱',
    mchNo: '商户号', state: '状态', submittedAt: '提交时间', back: '返回', kyc: '企业资料（已脱敏）', history: '审核记录',
    licence: '营业执照', noLicence: '尚未上传营业执照', decision: '审核', approve: '通过', reject: '驳回',
    rejectReason: '驳回原因', reasonRequired: '请填写驳回原因，商户会看到它。', rejectedDone: '已驳回',
    approvedAs: '已通过，商户号 {mchNo}', reasonLine: '原因：{reason}',
    actions: { SUBMITTED: '提交审核', APPROVED: '审核通过', REJECTED: '审核驳回', SIGNED_UP: '注册', KYC_SAVED: '保存资料' },
    fields: {
      company_name: '公司名称', uscc: '统一社会信用代码', legal_person: '法定代表人', legal_person_id_no: '法定代表人身份证号',
      contact_phone: '联系电话', business_category: '经营类目', settlement_account_name: '结算账户名',
      settlement_bank: '开户银行', settlement_account_no: '结算账号',
    },
  },
  channels: {
    name: '渠道', type: '类型', enabled: '启用', samples: '样本数', successRate: '成功率', latency: 'p50 / p95 / p99 ms',
    circuit: '熔断器', quotaUsed: '今日已用额度', dailyCap: '每日上限', successChart: '成功率', latencyChart: '延迟（毫秒）',
    noSamples: '最近没有交易样本，暂无图表。',
    circuits: { CLOSED: '正常', OPEN: '熔断', HALF_OPEN: '半开', DISABLED: '停用', FORCED_OPEN: '强制熔断' },
  },
  channelSettings: {
    edit: '编辑', title: '渠道设置：{name}', typeLine: '类型 {type} · 账户 {account}', priority: '优先级', weight: '权重',
    feeRate: '费率', minAmount: '单笔最低', maxAmount: '单笔最高', noLimit: '不限', payWays: '支付方式',
    feeInvalid: '请输入 0 到 100 之间的百分比，最多 4 位小数。', amountInvalid: '请输入大于 0 的金额（元），最多两位小数。',
    limitInvalid: '请输入大于 0 的金额（元），最多两位小数；留空表示不限。', amountTooLarge: '不能超过 {max} 元。',
    maxBelowMin: '单笔最高不能低于单笔最低。', payWaysRequired: '至少选择一种支付方式。', saved: '已保存渠道 {name} 的设置',
  },
  contracts: {
    title: '渠道签约', add: '新增签约', none: '尚无签约渠道', channel: '渠道', subMchId: '子商户号', dailyCap: '每日上限（元）',
    enabledOf: '启用 {channel}', addTitle: '新增签约', editTitle: '编辑签约：{channel}', channelRequired: '请选择渠道。',
    subMchIdInvalid: '子商户号为 1 到 64 位字母、数字、下划线或短横线。', saved: '已保存 {channel} 的签约',
  },
  routing: {
    title: '路由策略', inherited: '沿用平台默认', own: '商户专属', strategy: '策略', minSample: '最少样本数',
    exploration: '探索比例', successRateOnly: '最少样本数和探索比例只用于“成功率优先”策略。', updatedAt: '更新于 {at}',
    explorationInvalid: '请输入 0 到 100 之间的百分比，最多两位小数。', saved: '已保存路由策略',
    reset: '恢复平台默认', resetConfirm: '删除该商户的专属策略，改用平台默认策略？', resetDone: '已恢复平台默认策略',
    strategies: { SUCCESS_RATE: '成功率优先', FIXED_PRIORITY: '固定优先级', WEIGHTED: '按权重分配', LOWEST_FEE: '费率最低' },
  },
  deliveries: { appId: '应用 ID' },
  recon: {
    channel: '渠道', day: '日期', run: '开始对账', type: '差异类型', trade: '交易号', platformAmount: '平台金额（元）',
    channelAmount: '渠道金额（元）', note: '说明', clean: '没有差异',
    summary: '{channel} {date}：匹配 {count} 笔，共 {amount} 元；差异 {discrepancies} 条',
    types: { CHANNEL_ONLY: '渠道有平台无', PLATFORM_ONLY: '平台有渠道无', AMOUNT_MISMATCH: '金额不符', STATE_MISMATCH: '状态不符' },
  },
  audit: {
    target: '对象', at: '时间', operator: '操作人', action: '操作', change: '变更',
    unavailable: '审计接口暂不可用。',
  },
}

const en: typeof zh = {
  admin: { brand: 'AggPay operator console', navigation: 'Main navigation', loginTitle: 'Operator log in', username: 'Username', password: 'Password' },
  adminNav: {
    review: 'Review queue', merchants: 'Merchants', channels: 'Channel health', webhooks: 'Webhook deliveries',
    reconciliation: 'Reconciliation', audit: 'Audit log',
  },
  merchants: {
    anyState: 'Any state', queueEmpty: 'No merchants waiting for review', company: 'Company', merchantId: 'Merchant ID',
    email: 'Email', mchNo: 'Merchant no.', state: 'State', submittedAt: 'Submitted', back: 'Back',
    kyc: 'Company details (masked)', history: 'Review history', licence: 'Business licence',
    noLicence: 'No licence uploaded yet', decision: 'Decision', approve: 'Approve', reject: 'Reject',
    rejectReason: 'Reason for rejecting', reasonRequired: 'Give a reason: the merchant will read it.',
    rejectedDone: 'Rejected', approvedAs: 'Approved as merchant {mchNo}', reasonLine: 'Reason: {reason}',
    actions: { SUBMITTED: 'Submitted', APPROVED: 'Approved', REJECTED: 'Rejected', SIGNED_UP: 'Signed up', KYC_SAVED: 'Details saved' },
    fields: {
      company_name: 'Company name', uscc: 'Unified social credit code', legal_person: 'Legal representative',
      legal_person_id_no: 'Legal representative ID number', contact_phone: 'Contact phone',
      business_category: 'Business category', settlement_account_name: 'Settlement account name',
      settlement_bank: 'Settlement bank', settlement_account_no: 'Settlement account number',
    },
  },
  channels: {
    name: 'Channel', type: 'Type', enabled: 'Enabled', samples: 'Samples', successRate: 'Success rate',
    latency: 'p50 / p95 / p99 ms', circuit: 'Circuit', quotaUsed: 'Quota used today', dailyCap: 'Daily cap',
    successChart: 'Success rate', latencyChart: 'Latency (ms)', noSamples: 'No recent trades: nothing to chart yet.',
    circuits: { CLOSED: 'Closed', OPEN: 'Open', HALF_OPEN: 'Half open', DISABLED: 'Disabled', FORCED_OPEN: 'Forced open' },
  },
  channelSettings: {
    edit: 'Edit', title: 'Channel settings: {name}', typeLine: 'Type {type} · account {account}', priority: 'Priority',
    weight: 'Weight', feeRate: 'Fee rate', minAmount: 'Minimum per order', maxAmount: 'Maximum per order',
    noLimit: 'No limit', payWays: 'Pay ways',
    feeInvalid: 'Enter a percentage from 0 to 100 with at most 4 decimals.',
    amountInvalid: 'Enter an amount in CNY above 0 with at most two decimals.',
    limitInvalid: 'Enter an amount in CNY above 0 with at most two decimals, or leave it empty for no limit.',
    amountTooLarge: 'At most {max} CNY.', maxBelowMin: 'The maximum cannot be below the minimum.',
    payWaysRequired: 'Choose at least one pay way.', saved: 'Settings of {name} saved',
  },
  contracts: {
    title: 'Channel contracts', add: 'Add contract', none: 'No contracted channels', channel: 'Channel',
    subMchId: 'Sub-merchant ID', dailyCap: 'Daily cap (CNY)', enabledOf: 'Enable {channel}', addTitle: 'Add contract',
    editTitle: 'Contract: {channel}', channelRequired: 'Choose a channel.',
    subMchIdInvalid: 'A sub-merchant ID is 1 to 64 letters, digits, underscores or hyphens.', saved: 'Contract with {channel} saved',
  },
  routing: {
    title: 'Routing policy', inherited: 'Platform default', own: 'Own policy', strategy: 'Strategy', minSample: 'Minimum samples',
    exploration: 'Exploration share', successRateOnly: 'Minimum samples and exploration share apply to the success rate strategy only.',
    updatedAt: 'Updated {at}', explorationInvalid: 'Enter a percentage from 0 to 100 with at most two decimals.',
    saved: 'Routing policy saved', reset: 'Back to platform default',
    resetConfirm: 'Remove this merchant\'s own policy and follow the platform default?', resetDone: 'Back on the platform default',
    strategies: { SUCCESS_RATE: 'Success rate', FIXED_PRIORITY: 'Fixed priority', WEIGHTED: 'Weighted split', LOWEST_FEE: 'Lowest fee' },
  },
  deliveries: { appId: 'App ID' },
  recon: {
    channel: 'Channel', day: 'Day', run: 'Reconcile', type: 'Type', trade: 'Trade', platformAmount: 'Platform amount (CNY)',
    channelAmount: 'Channel amount (CNY)', note: 'Note', clean: 'No discrepancies',
    summary: '{channel} on {date}: {count} matched, {amount} CNY; {discrepancies} discrepancies',
    types: { CHANNEL_ONLY: 'Channel only', PLATFORM_ONLY: 'Platform only', AMOUNT_MISMATCH: 'Amount mismatch', STATE_MISMATCH: 'State mismatch' },
  },
  audit: {
    target: 'Target', at: 'Time', operator: 'Operator', action: 'Action', change: 'Change',
    unavailable: 'The audit log is not available.',
  },
}

export const adminMessages = { 'zh-CN': zh, en }
