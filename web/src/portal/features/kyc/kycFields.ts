import type { Kyc } from '../../api'

// The fields of PUT /api/portal/kyc in the order the form shows them, with the browser's autofill hints.
export const KYC_FIELDS: { name: keyof Kyc; autocomplete?: string; inputmode?: string }[] = [
  { name: 'company_name', autocomplete: 'organization' },
  { name: 'uscc' },
  { name: 'legal_person', autocomplete: 'name' },
  { name: 'legal_person_id_no' },
  { name: 'contact_phone', autocomplete: 'tel', inputmode: 'tel' },
  { name: 'business_category' },
  { name: 'settlement_account_name' },
  { name: 'settlement_bank' },
  { name: 'settlement_account_no', inputmode: 'numeric' },
]

export function emptyKyc(): Kyc {
  return {
    company_name: '', uscc: '', legal_person: '', legal_person_id_no: '', contact_phone: '',
    business_category: '', settlement_account_name: '', settlement_bank: '', settlement_account_no: '',
  }
}

/** The server answers secrets masked ("6222****1234"): such a value is a hint, never sent back as the value. */
export function isMasked(value: unknown): boolean {
  return typeof value === 'string' && value.includes('*')
}

/** merchant-service's business categories (channel-router gives each its default contracts): never renamed. */
export const BUSINESS_CATEGORIES = [
  'RETAIL', 'CATERING', 'GROCERY', 'ONLINE_SERVICES', 'EDUCATION', 'TRAVEL', 'ENTERTAINMENT', 'HEALTHCARE', 'OTHER',
] as const
