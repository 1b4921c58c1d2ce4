import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { launchOnSites, launchWithExtension, type ExtensionBrowser } from './browser.ts';

const SCREENSHOTS = join(import.meta.dirname, 'screenshots');

describe('options page and first-run setup', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    // The first-run tab is what the first test is about.
    browser = await launchOnSites(undefined, { keepInstallTab: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens by itself on first install, is set up by keyboard and labels, and the overlay on a site reflects it', async () => {
    // First run: the background worker opens the options page in a tab.
    const url = `chrome-extension://${browser.extensionId}/src/options/index.html`;
    await expect.poll(() => browser.context.pages().some((p) => p.url() === url), { timeout: 10_000 }).toBe(true);
    const options = browser.context.pages().find((p) => p.url() === url)!;
    await options.getByLabel(/Protocol/i).first().waitFor();
    expect(await axeViolations(options)).toEqual([]);
    await options.setViewportSize({ width: 900, height: 1000 });
    await options.screenshot({ path: join(SCREENSHOTS, 'setup-first-run.png') });

    await options.getByLabel(/Protocol/i).first().selectOption('ooh');
    await options.getByLabel(/School name|Naam van de school/i).fill('OBS De Kring');
    await options.getByLabel(/Other names|Andere namen/i).fill('De Kring, #obsdekring');
    await options.getByLabel(/I am a|Ik ben/i).selectOption('employee');
    await options.getByLabel(/Job title|Functie/i).fill('leerkracht groep 7');
    await options.getByLabel(/Timetable|Lesrooster/i).fill('ma 08:30-12:00\nvr 8.30-14:00');
    await options.getByLabel(/without consent|zonder toestemming/i).fill('Daan\nNoor');
    await options.locator('[data-action="save"]').press('Enter');
    await options.getByText(/Saved\.|Opgeslagen\./).waitFor();

    const page = await browser.context.newPage();
    await page.goto('https://www.facebook.com/');
    await page.locator('form [data-lexical-editor="true"]').first().click();
    await page.keyboard.type('Knap gedaan van Noor vandaag bij De Kring!');
    const overlay = page.locator('postwijs-overlay');
    await expect.poll(async () => (await overlay.getAttribute('data-findings')) ?? '', { timeout: 10_000 }).toContain('pupil-mention');
    await overlay.locator('[data-action="toggle"]').click();
    // OOH's article, and the no-consent name as an error.
    expect(await overlay.locator('[data-rule="pupil-mention"]').textContent()).toMatch(/Noor/);
  });

  it('rejects an invalid custom protocol with the path and reason, keeping the previous one, and reports a bad timetable line', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
    await options.getByLabel(/Protocol/i).first().selectOption('custom');
    await options.getByLabel(/protocol file|Protocolbestand/i).setInputFiles({ name: 'protocol.json', mimeType: 'application/json', buffer: Buffer.from('{"id": "mijn-school", "rules": {}}') });
    await options.locator('[role="status"]').getByText(/not valid|niet geldig/).waitFor();
    // The path and the reason, Dutch first (zod's Dutch wording), English in brackets.
    expect(await options.locator('[role="status"]').first().textContent()).toMatch(/title: Ongeldige invoer: verwacht .*\(Invalid input: expected/);
    await options.screenshot({ path: join(SCREENSHOTS, 'options-custom-protocol-errors.png') });
    await options.getByLabel(/Timetable|Lesrooster/i).fill('maandag negen uur');
    await options.locator('[data-action="save"]').click();
    await options.getByText(/Not saved|Niet opgeslagen/).waitFor();
    expect(await options.locator('.error').last().textContent()).toContain('maandag negen uur');
  });
});

describe('settings export and import', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('exports the settings without the no-consent names, and imports the valid parts of a file for review', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
    await options.getByLabel(/School name|Naam van de school/i).fill('Waldheim-mavo');
    await options.getByLabel(/without consent|zonder toestemming/i).fill('Sem');
    await options.locator('[data-action="save"]').click();
    await options.getByText(/Saved\.|Opgeslagen\./).waitFor();
    const [download] = await Promise.all([options.waitForEvent('download'), options.locator('[data-action="export"]').click()]);
    const exported = await (await download.createReadStream()).toArray();
    const file = Buffer.concat(exported.map((c) => Buffer.from(c))).toString('utf8');
    expect(JSON.parse(file).settings.schoolName).toBe('Waldheim-mavo');
    expect(file).not.toContain('Sem');

    const imported = { version: 2, savedAt: Date.now(), settings: { schoolName: 'Griftland College', role: 'rector', jobTitle: 'mentor' } };
    await options.getByLabel(/Import settings|Instellingen importeren/i).setInputFiles({ name: 'instellingen.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(imported)) });
    await expect.poll(() => options.getByLabel(/School name|Naam van de school/i).inputValue()).toBe('Griftland College');
    expect(await options.getByLabel(/Job title|Functie/i).inputValue()).toBe('mentor');
    expect(await options.locator('[role="status"]').first().textContent()).toContain('role');
  });
});
