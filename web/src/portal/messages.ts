// Every text of the merchant portal, in 简体中文 (the default) and English.
const zh = {
  portal: { brand: 'AggPay 商户平台', navigation: '主导航' },
  nav: {
    dashboard: '概览', onboarding: '入驻资料', apps: '应用与密钥', orders: '订单', webhooks: '通知记录',
    statements: '对账单', developer: '开发者', users: '成员',
  },
  auth: {
    loginTitle: '登录商户平台', signupTitle: '注册商户', email: '邮箱', password: '密码', companyName: '公司名称',
    signup: '注册', toSignup: '没有账号？注册', toLogin: '已有账号？登录',
    passwordHint: '至少 10 个字符。',
  },
  kyc: {
    status: '审核状态', mchNo: '商户号', rejected: '资料被驳回', formTitle: '企业资料', save: '保存资料',
    saved: '资料已保存', submit: '提交审核', resubmit: '修改后重新提交', submitted: '已提交，等待审核',
    licence: '营业执照', chooseLicence: '选择营业执照图片', licenceHint: 'PNG 或 JPEG，不超过 5 MB。',
    licenceUploaded: '已上传：{name}', licenceType: '只能上传 PNG 或 JPEG 图片。', licenceTooLarge: '图片不能超过 5 MB。',
    licencePreview: '营业执照预览', history: '审核记录', noHistory: '暂无审核记录', reasonLine: '原因：{reason}',
    explain: {
      DRAFT: '填写企业资料并上传营业执照后提交审核。',
      SUBMITTED: '资料审核中，审核期间不能修改。',
      APPROVED: '已通过审核，可以创建应用并开始收款。',
      REJECTED: '请根据驳回原因修改资料后重新提交。',
    },
    actions: { SUBMITTED: '提交审核', KYC_SUBMITTED: '提交审核', APPROVED: '审核通过', REJECTED: '审核驳回', SIGNED_UP: '注册', KYC_SAVED: '保存资料' },
    categories: {
      RETAIL: '零售', CATERING: '餐饮', GROCERY: '生鲜超市', ONLINE_SERVICES: '线上服务', EDUCATION: '教育培训',
      TRAVEL: '旅游出行', ENTERTAINMENT: '休闲娱乐', HEALTHCARE: '医疗健康', OTHER: '其他',
    },
    maskedKept: '已保存（{value}），不修改请留空',
    fields: {
      company_name: '公司名称', uscc: '统一社会信用代码', legal_person: '法定代表人', legal_person_id_no: '法定代表人身份证号',
      contact_phone: '联系电话', business_category: '经营类目', settlement_account_name: '结算账户名',
      settlement_bank: '开户银行', settlement_account_no: '结算账号',
    },
    placeholders: {
      company_name: '与营业执照一致', uscc: '18 位，如 91350100M000100Y43', legal_person: '', legal_person_id_no: '18 位身份证号',
      contact_phone: '手机号', business_category: '请选择', settlement_account_name: '一般与公司名称一致',
      settlement_bank: '如 招商银行上海分行', settlement_account_no: '',
    },
  },
  apps: {
    create: '创建应用', createSubmit: '创建', none: '还没有应用', appId: '应用 ID', name: '名称', webhookUrl: '通知地址',
    rsaKey: 'RSA 公钥', state: '状态', createdAt: '创建时间', rotate: '轮换密钥', editWebhook: '修改通知地址',
    uploadRsa: '上传 RSA 公钥', rsaPem: 'RSA 公钥（PEM，至少 2048 位）',
    rsaHint: '上传后，该应用可以用 AGGPAY-SHA256-RSA2048 签名调用接口，平台用开发者页面的平台公钥签名应答。',
    updated: '已更新', webhookPlaceholder: 'https://shop.example/hooks/aggpay', secretsTitle: '请立即保存密钥', secretsOnce: '密钥只显示这一次，关闭后无法再次查看。',
    appSecret: '应用密钥（HMAC）', webhookSecret: '通知签名密钥', webhookSecretStandard: '通知签名密钥（Standard Webhooks 格式）',
    previousValidUntil: '旧密钥在 {at} 之前仍然有效。', savedThem: '我已保存',
    rotateConfirm: '为应用 {app} 生成新的应用密钥？旧密钥在过渡期内仍可使用。',
  },
  orders: {
    state: '状态', any: '全部', dates: '日期', from: '开始日期', to: '结束日期', detail: '订单详情',
    attempts: '路由尝试', noAttempts: '没有路由尝试记录', outcome: '结果', error: '错误', latency: '耗时 ms',
    refund: '退款', refundAmount: '退款金额', refundReason: '退款原因', refundSubmit: '确认退款',
    refundable: '可退金额 {amount} 元', refundAmountInvalid: '请输入 0.01 到 {max} 之间的金额', refundCreated: '退款已受理：{id}',
    fields: {
      payOrderId: '平台订单号', mchOrderNo: '商户订单号', appId: '应用 ID', amount: '金额', refunded: '已退款',
      payWay: '支付方式', subject: '商品', channel: '渠道', channelTradeNo: '渠道交易号', createdAt: '创建时间', paidAt: '支付时间',
    },
  },
  statements: {
    explain: '下载某一天（北京时间）的订单、退款和手续费明细（CSV）。', date: '日期', download: '下载对账单',
  },
  dashboard: {
    volume: '今日成交额（元）', count: '今日成功笔数', successRate: '今日成功率', byHour: '今日每小时成交额（按支付方式）',
    noVolume: '今天还没有成交',
  },
  developer: {
    signing: '接口签名', signingIntro: '每个请求都要签名。待签名字符串由以下五行组成，每行以换行符结尾：',
    hmac: 'AGGPAY-HMAC-SHA256：签名 = Base64(HMAC-SHA256(应用密钥, 待签名字符串))。',
    rsa: 'AGGPAY-SHA256-RSA2048：签名 = Base64(SHA256withRSA(商户私钥, 待签名字符串))，平台用你上传的公钥验签。',
    window: '时间戳与平台时间相差不能超过 ±300 秒；同一应用 15 分钟内不能重复使用 nonce。',
    answers: '平台的每个应答都带有 Aggpay-Timestamp、Aggpay-Nonce 和 Aggpay-Signature，请验签确认应答来自平台。',
    sample: '示例（Node.js）', platformKey: '平台公钥', platformKeyIntro: 'RSA 应用用它验证平台应答的签名。',
    keyId: '密钥 ID', reference: '接口文档', referenceIntro: '完整的 OpenAPI 接口说明：',
    api: {
      loadFailed: '接口文档加载失败：{reason}', version: '版本 {version}', count: '{count} 个接口',
      security: '签名方式：', parameters: '参数', requestBody: '请求体', responses: '应答', none: '无',
      field: '字段', in: '位置', type: '类型', required: '必填', optional: '可选', description: '说明',
      status: '状态码', body: '应答体', header: '应答头', noBody: '无应答体', noFields: '无字段',
      schemes: '签名方式',
    },
  },
  users: {
    add: '添加成员', added: '成员已添加', role: '角色', createdAt: '加入时间',
    roles: { OWNER: '所有者', DEVELOPER: '开发者', VIEWER: '只读' },
  },
}

const en: typeof zh = {
  portal: { brand: 'AggPay merchant portal', navigation: 'Main navigation' },
  nav: {
    dashboard: 'Dashboard', onboarding: 'Onboarding', apps: 'Apps & keys', orders: 'Orders', webhooks: 'Webhooks',
    statements: 'Statements', developer: 'Developers', users: 'Users',
  },
  auth: {
    loginTitle: 'Log in to the merchant portal', signupTitle: 'Sign up as a merchant', email: 'Email',
    password: 'Password', companyName: 'Company name', signup: 'Sign up', toSignup: 'No account yet? Sign up',
    toLogin: 'Have an account? Log in', passwordHint: 'At least 10 characters.',
  },
  kyc: {
    status: 'Review status', mchNo: 'Merchant no.', rejected: 'Your application was rejected', formTitle: 'Company details',
    save: 'Save details', saved: 'Details saved', submit: 'Submit for review', resubmit: 'Resubmit for review',
    submitted: 'Submitted; waiting for review', licence: 'Business licence', chooseLicence: 'Choose the licence image',
    licenceHint: 'PNG or JPEG, at most 5 MB.', licenceUploaded: 'Uploaded: {name}',
    licenceType: 'Only PNG or JPEG images can be uploaded.', licenceTooLarge: 'The image must be at most 5 MB.',
    licencePreview: 'Licence preview', history: 'Review history', noHistory: 'No reviews yet', reasonLine: 'Reason: {reason}',
    explain: {
      DRAFT: 'Fill in your company details, upload the business licence, then submit for review.',
      SUBMITTED: 'Your details are being reviewed and cannot be changed meanwhile.',
      APPROVED: 'Approved: create an app and start taking payments.',
      REJECTED: 'Change your details as the reason says, then resubmit.',
    },
    actions: { SUBMITTED: 'Submitted', KYC_SUBMITTED: 'Submitted', APPROVED: 'Approved', REJECTED: 'Rejected', SIGNED_UP: 'Signed up', KYC_SAVED: 'Details saved' },
    categories: {
      RETAIL: 'Retail', CATERING: 'Catering', GROCERY: 'Grocery', ONLINE_SERVICES: 'Online services',
      EDUCATION: 'Education', TRAVEL: 'Travel', ENTERTAINMENT: 'Entertainment', HEALTHCARE: 'Healthcare', OTHER: 'Other',
    },
    maskedKept: 'Saved ({value}); leave empty to keep it',
    fields: {
      company_name: 'Company name', uscc: 'Unified social credit code', legal_person: 'Legal representative',
      legal_person_id_no: 'Legal representative ID number', contact_phone: 'Contact phone',
      business_category: 'Business category', settlement_account_name: 'Settlement account name',
      settlement_bank: 'Settlement bank', settlement_account_no: 'Settlement account number',
    },
    placeholders: {
      company_name: 'As on the business licence', uscc: '18 characters, e.g. 91350100M000100Y43', legal_person: '',
      legal_person_id_no: '18-character ID number', contact_phone: 'Mobile number', business_category: 'Choose one',
      settlement_account_name: 'Usually the company name', settlement_bank: 'e.g. China Merchants Bank Shanghai',
      settlement_account_no: '',
    },
  },
  apps: {
    create: 'Create app', createSubmit: 'Create', none: 'No apps yet', appId: 'App ID', name: 'Name',
    webhookUrl: 'Webhook URL', rsaKey: 'RSA key', state: 'State', createdAt: 'Created', rotate: 'Rotate secret',
    editWebhook: 'Edit webhook URL', uploadRsa: 'Upload RSA key', rsaPem: 'RSA public key (PEM, at least 2048 bits)',
    rsaHint: 'With a key uploaded, the app can sign calls with AGGPAY-SHA256-RSA2048; the platform signs its answers with the platform key shown on the Developers page.',
    updated: 'Updated', webhookPlaceholder: 'https://shop.example/hooks/aggpay', secretsTitle: 'Save these secrets now', secretsOnce: 'They are shown only this once and cannot be viewed again.',
    appSecret: 'App secret (HMAC)', webhookSecret: 'Webhook signing secret',
    webhookSecretStandard: 'Webhook signing secret (Standard Webhooks form)',
    previousValidUntil: 'The previous secret keeps working until {at}.', savedThem: 'I have saved them',
    rotateConfirm: 'Issue a new app secret for {app}? The old one keeps working for a grace period.',
  },
  orders: {
    state: 'State', any: 'Any', dates: 'Dates', from: 'From', to: 'To', detail: 'Order details',
    attempts: 'Routing attempts', noAttempts: 'No routing attempts recorded', outcome: 'Outcome', error: 'Error',
    latency: 'Latency ms', refund: 'Refund', refundAmount: 'Refund amount', refundReason: 'Reason',
    refundSubmit: 'Refund', refundable: 'Up to {amount} CNY can be refunded',
    refundAmountInvalid: 'Enter an amount from 0.01 to {max}', refundCreated: 'Refund accepted: {id}',
    fields: {
      payOrderId: 'Order ID', mchOrderNo: 'Merchant order no.', appId: 'App ID', amount: 'Amount', refunded: 'Refunded',
      payWay: 'Pay way', subject: 'Subject', channel: 'Channel', channelTradeNo: 'Channel trade no.',
      createdAt: 'Created', paidAt: 'Paid',
    },
  },
  statements: {
    explain: 'Download one day’s orders, refunds and fees (Beijing time) as CSV.', date: 'Day',
    download: 'Download statement',
  },
  dashboard: {
    volume: 'Today’s volume (CNY)', count: 'Successful payments today', successRate: 'Success rate today',
    byHour: 'Today’s volume by hour and pay way', noVolume: 'No payments yet today',
  },
  developer: {
    signing: 'Signing calls', signingIntro: 'Every call is signed. The message to sign is these five lines, each ending in a newline:',
    hmac: 'AGGPAY-HMAC-SHA256: signature = Base64(HMAC-SHA256(app secret, message)).',
    rsa: 'AGGPAY-SHA256-RSA2048: signature = Base64(SHA256withRSA(your private key, message)), verified with the public key you uploaded.',
    window: 'The timestamp must be within ±300 s of the platform clock; a nonce may not be reused by the same app within 15 minutes.',
    answers: 'Every answer carries Aggpay-Timestamp, Aggpay-Nonce and Aggpay-Signature: verify them to know the answer came from the platform.',
    sample: 'Example (Node.js)', platformKey: 'Platform public key',
    platformKeyIntro: 'RSA apps verify the platform’s answers with this key.', keyId: 'Key ID',
    reference: 'API reference', referenceIntro: 'The complete OpenAPI description:',
    api: {
      loadFailed: 'The API reference could not be loaded: {reason}', version: 'version {version}',
      count: '{count} operations', security: 'Signed with:', parameters: 'Parameters', requestBody: 'Request body',
      responses: 'Responses', none: 'None', field: 'Field', in: 'In', type: 'Type', required: 'Required',
      optional: 'Optional', description: 'Description', status: 'Status', body: 'Body', header: 'Header',
      noBody: 'No body', noFields: 'No fields', schemes: 'Signature schemes',
    },
  },
  users: {
    add: 'Add user', added: 'User added', role: 'Role', createdAt: 'Added',
    roles: { OWNER: 'Owner', DEVELOPER: 'Developer', VIEWER: 'Viewer' },
  },
}

export const portalMessages = { 'zh-CN': zh, en }
