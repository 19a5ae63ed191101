/**
 * The intake screens as a clerk uses them (decision 0032): Ant Design selects picked by label, a 10 kV 业扩
 * application filled in, the documents of its class ticked, a 95598 repair call taken; shared by the intake test
 * and the walks from acceptance to archive.
 */
import type { Page } from 'playwright-core';

// The function given to page.waitForFunction runs in the browser; the type check (Node's lib, no DOM) sees this name.
declare const document: any;

const dropdownClosed = () => !document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');

/**
 * Picks `option` in the Ant Design select labelled `label`, and makes sure the select shows it: a click that lands
 * while the list is still moving in (its appear animation) is lost, so the pick is tried again.
 */
export async function choose(page: Page, label: string, option: string): Promise<void> {
  const select = page.getByLabel(label, { exact: true });
  const field = page.locator('.ant-form-item', { has: select });
  for (let attempt = 1; ; attempt++) {
    await select.click();
    await page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) [title="${option}"]`).click();
    // Until its closing animation ends, the dropdown's list is still in view (axe would judge it half-gone).
    const closed = await page
      .waitForFunction(dropdownClosed, undefined, { timeout: 5_000 })
      .then(() => true)
      .catch(() => false);
    if (closed && (await field.innerText()).includes(option)) return;
    if (attempt === 3) throw new Error(`the select ${label} did not take ${option}`);
    if (!closed) await page.keyboard.press('Escape');
    await page.waitForFunction(dropdownClosed);
  }
}

/** The documents of a single-source high-voltage customer (hv-single), as the screen lists them. */
export const HV_DOCUMENTS = [
  '用电申请函',
  '土地或房屋产权证明（或租赁协议）',
  '用电设备清单',
  '营业执照',
  '法定代表人身份证明',
  '用电地理位置图及总平面图',
  '项目批准文件',
];

export interface HvCompany {
  name: string;
  idNumber: string;
  phone: string;
  address: string;
  capacityKva: number;
}

/** On the 业扩 acceptance screen: a new company customer's 10 kV industrial connection, its class awaited. */
export async function fillHighVoltageApplication(page: Page, company: HvCompany): Promise<void> {
  await choose(page, '客户类型', '单位');
  await page.getByLabel('客户名称').fill(company.name);
  await page.getByLabel('证件号码').fill(company.idNumber);
  await page.getByLabel('联系电话').fill(company.phone);
  await page.getByLabel('客户地址').fill(company.address);
  await page.getByLabel('用电地址').fill(company.address);
  await choose(page, '电压等级', '10kV');
  await page.getByLabel('容量（kVA）').fill(String(company.capacityKva));
  await choose(page, '用电类别', '工业');
  // The class and its documents come from the API once the facts are there.
  await page.locator('[data-testid="customer-class"][data-class="hv-single"]').waitFor();
}

export async function tickDocuments(page: Page, names: readonly string[]): Promise<void> {
  for (const name of names) await page.getByLabel(name, { exact: true }).check();
}

/** Submits the intake form and returns the new case or order number the screen shows. */
export async function submitIntake(page: Page, testId: 'submit-application' | 'submit-order'): Promise<string> {
  await page.getByTestId(testId).click();
  return (await page.getByTestId('new-case-no').innerText()).trim();
}

export interface RepairCall {
  customerName: string;
  phone: string;
  address: string;
  content: string;
}

/** On the 95598 intake screen: a power-outage repair call in Pudong. */
export async function fillRepairCall(page: Page, call: RepairCall): Promise<void> {
  await choose(page, '工单类型', '故障报修');
  await choose(page, '业务子类', '停电');
  await page.getByLabel('客户姓名').fill(call.customerName);
  await page.getByLabel('来电号码').fill(call.phone);
  await choose(page, '供电区域', '浦东供电公司（SH-PD）');
  await page.getByLabel('地址', { exact: true }).fill(call.address);
  await page.getByLabel('诉求内容').fill(call.content);
}
