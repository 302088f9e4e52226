// e2e-game.mjs - how to play the whole fixture game (tests/fixtures/e2e-game) through the
// screen-reader mirror, shared by the tests that play it (game.test.mjs, scorm.test.mjs).
import { settle, waitForLine, screenLines } from './lib.mjs';

export const STEPS = ['Sign in', 'Read mail', 'Meeting'];

// The ordering puzzle's current order, as the mirror reads it ("Step 2: Read mail – option").
export async function stepOrder(page) {
  return (await screenLines(page)).map((l) => /^Step (\d+): (.*) – option$/.exec(l)).filter(Boolean)
    .sort((a, b) => a[1] - b[1]).map((m) => m[2]);
}

// Moves steps up until they read in the right order, with the given way of pressing controls.
export async function sortSteps(page, press) {
  for (let guard = 0; guard < 10; guard++) {
    const order = await stepOrder(page);
    const i = order.findIndex((s, k) => s !== STEPS[k]);
    if (i < 0) return;
    await press(page, `Move up: ${STEPS[i]}`);
  }
  throw new Error(`steps never got in order: ${await stepOrder(page)}`);
}

// Plays the whole game; `press` is clickControl, keyToControl or a tap. afterMail runs in the
// lobby once the mail room is solved; midMail in the middle of the mail room, with one place
// found and one decoy clicked.
export async function playAll(page, press, { type, afterMail, midMail } = {}) {
  await waitForLine(page, 'Welcome to the lobby.');
  await press(page, 'Start');
  await press(page, 'Mail room');
  await press(page, 'Start');
  await press(page, 'Sender');
  await waitForLine(page, 'Found 1 of 2');
  await press(page, 'Day');                     // a decoy: refused with its reason
  await waitForLine(page, 'The day is ordinary.');
  if (midMail) await midMail();
  await press(page, 'Link');
  await waitForLine(page, 'Found 2 of 2');
  await press(page, 'Continue');
  await press(page, 'Open the link');
  await waitForLine(page, 'The link is dangerous.');
  await press(page, 'Report it');
  await press(page, 'Continue');
  await waitForLine(page, 'Who helps? Type Support.');    // {desk} from the game's settings
  await type(page, 'suport');
  await press(page, 'Check');
  await waitForLine(page, 'Type the word in the task.');
  await type(page, 'SUPPORT');
  await press(page, 'Check');
  await press(page, 'Continue');
  await waitForLine(page, 'Room solved!');
  await press(page, 'To the lobby');
  await waitForLine(page, 'Mail room, solved');
  if (afterMail) await afterMail();

  await press(page, 'Office');
  await press(page, 'Start');
  await press(page, 'Lock the screen');
  await press(page, 'Wear the badge');
  await press(page, 'Check');
  await waitForLine(page, 'The note says: 7-7');          // revealed by solving
  await press(page, 'Continue');
  await sortSteps(page, press);
  await press(page, 'Check');
  await press(page, 'Continue');
  await press(page, '1. Chat');
  await press(page, /^Team topic/);                       // a wrong pair first
  await press(page, '2. Channel');
  await press(page, /^Quick question/);
  await press(page, 'Check');
  await waitForLine(page, 'Not all pairs fit.');
  await waitForLine(page, 'In the right place: 0 of 2');
  await press(page, '1. Chat');
  await press(page, /^Quick question/);
  await press(page, '2. Channel');
  await press(page, /^Team topic/);
  await press(page, 'Check');
  await press(page, 'Continue');
  await type(page, '77');
  await press(page, 'Check');
  await press(page, 'Continue');
  await press(page, 'Key card');
  await press(page, 'Door');
  await press(page, 'Continue');
  await waitForLine(page, 'Room solved!');
  await press(page, 'To the lobby');

  await waitForLine(page, 'Enter the code.');             // the last door opens when both rooms are solved
  await type(page, '385');
  await press(page, 'Check');
  await waitForLine(page, 'Look at the parts you found.');
  await type(page, '358');
  await press(page, 'Check');
  await waitForLine(page, 'You escaped!');
  await waitForLine(page, 'Mistakes: 5');         // a decoy, a wrong choice, a typo, wrong pairs, a wrong code
}

export const typeKeys = async (page, text) => {
  await settle(page, async () => {
    for (let i = 0; i < 12; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type(text, { delay: 20 });
  });
};

