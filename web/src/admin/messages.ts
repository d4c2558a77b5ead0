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
