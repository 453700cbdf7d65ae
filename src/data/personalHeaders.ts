import { normaliseKey, TABLES } from './schema';

/** Headers of the survey's respondent identifier (canonical and aliases). */
export const RESPONDENT_ID_HEADERS: readonly string[] = ['respondent_id', ...(TABLES.survey.columns.find((c) => c.name === 'respondent_id')?.aliases ?? [])];

/** Headers (canonical and aliases) of every column the schema marks personal: the sales staff's ids, names, ID and certificate numbers. */
const SCHEMA_PERSONAL_HEADERS = Object.values(TABLES).flatMap((t) => t.columns.filter((c) => c.personal).flatMap((c) => [c.name, ...(c.aliases ?? [])]));

/**
 * The maintained list of header words that mark a column as personal data (S3 art. 34), in
 * English and Chinese: respondent and customer identifiers; the names of policyholders,
 * insured persons, beneficiaries, applicants, customers and contacts; phone numbers, ID-card and
 * passport numbers, bank accounts, e-mail and postal addresses, birth dates, messaging accounts;
 * and every column the schema marks `personal` (sales staff identifiers, names, ID and
 * certificate numbers). Compared after `normaliseKey` (lower case, no spaces, underscores or
 * hyphens). `EXACT` must equal the header; `CONTAINED` may be part of it.
 */
const EXACT = new Set(
  [
    ...RESPONDENT_ID_HEADERS,
    ...SCHEMA_PERSONAL_HEADERS,
    'id', 'uid', 'user_id', 'customer_id', 'client_id', 'member_id', 'openid', 'unionid',
    'name', 'full_name', 'first_name', 'last_name', 'surname', 'given_name', 'customer_name', 'respondent_name', 'policyholder_name', 'insured_name',
    'holder', 'policyholder', 'applicant', 'insured', 'insured_person', 'beneficiary', 'customer', 'client', 'contact', 'account_name',
    'tel', 'dob', 'birthday', 'birth_date', 'date_of_birth', 'ssn',
    '姓名', '名字', '客户姓名', '投保人姓名', '被保险人姓名', '受访者姓名', '联系人', '客户号', '客户编号', '用户编号', '会员号', '生日', '出生日期',
    '投保人', '被保险人', '被保人', '受益人', '申请人', '客户', '客户名称', '投保人名称', '被保险人名称', '户名', '账户名', '开户名',
  ].map(normaliseKey),
);
const CONTAINED = [
  'phone', 'mobile', 'telephone', 'idcard', 'idnumber', 'identity', 'passport', 'email', 'address', 'wechat', 'weixin',
  'holdername', 'applicantname', 'insuredname', 'beneficiaryname', 'customername', 'clientname', 'bankaccount', 'accountnumber',
  '手机', '电话', '联系方式', '身份证', '证件', '邮箱', '电子邮件', '地址', '住址', '微信', '姓名', '客户名', '银行账', '账号',
].map(normaliseKey);

/** Headers of schema columns that are not personal (`policyholder_age`, 投保人年龄): never personal by a contained word. */
const BUSINESS_HEADERS = new Set(
  Object.values(TABLES)
    .flatMap((t) => t.columns.filter((c) => !c.personal).flatMap((c) => [c.name, ...(c.aliases ?? [])]))
    .map(normaliseKey)
    .filter((key) => !EXACT.has(key)),
);

/**
 * Whether a column header names personal data (an identifier, a person's name, phone number,
 * ID-card number, bank account, e-mail, address, birth date…), in English or Chinese, from the
 * maintained list above. A header of a non-personal schema column (投保人年龄) is not personal.
 * @example isPersonalHeader('手机号码') // true
 * @example isPersonalHeader('投保人') // true
 * @example isPersonalHeader('policy_id') // false (a policy number is not a person's data)
 */
export function isPersonalHeader(header: string): boolean {
  const key = normaliseKey(header);
  if (EXACT.has(key)) return true;
  if (BUSINESS_HEADERS.has(key)) return false;
  return CONTAINED.some((word) => key.includes(word));
}
