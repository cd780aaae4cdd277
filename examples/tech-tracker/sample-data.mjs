// Deterministic sample spreadsheets for tech-tracker: the MOT (HR's Main On-boarding Tracker)
// and the Tech Tracker as a previous sync left them. Plain data in the shape the Google
// stand-in seeds (values from A1, struck-through cells by A1 name), so that the example
// workbooks, the tests and the benchmark all use the same input.

const FIRST = [
  'Maria',
  'James',
  'Aisha',
  'Daniel',
  'Sofia',
  'Kevin',
  'Priya',
  'Marcus',
  'Elena',
  'Tyrone',
  'Grace',
  'Luis',
  'Hannah',
  'Omar',
  'Jasmine',
  'Carlos',
  'Mei',
  'Andre',
  'Fatima',
  'Noah',
  'Camila',
  'Ethan',
  'Zara',
  'Miguel',
  'Olivia',
];
const LAST = [
  'Garcia',
  'Nguyen',
  'Johnson',
  'Patel',
  'Williams',
  'Hernandez',
  'Kim',
  'Brown',
  'Lopez',
  'Davis',
  'Chen',
  'Martinez',
  'Okafor',
  'Rodriguez',
  'Singh',
  'Lee',
  'Thompson',
  'Ramirez',
  'Walker',
  'Flores',
];
const SCHOOLS = [
  'KIPP Bayview Academy',
  'KIPP Bridge Academy',
  'KIPP Heartwood Academy',
  'KIPP Heritage Academy',
  'KIPP Prize Preparatory Academy',
  'KIPP San Francisco Bay Academy',
  'KIPP San Jose Collegiate',
  'KIPP Summit Academy',
  'KIPP King Collegiate High School',
  'KIPP Excelencia Community Prep',
  'KIPP Navigate College Prep',
  'KIPP Esperanza High School',
];
const TITLES = [
  'Teacher, Grade 5 Math',
  'Teacher, Grade 7 ELA',
  'Teacher, Kindergarten',
  'Special Education Teacher',
  'Operations Manager',
  'Office Manager',
  'Dean of Students',
  'Instructional Aide',
  'School Counselor',
  'Assistant Principal',
  'Teacher, High School Science',
  'Enrichment Teacher',
];
const KINDS = ['New', 'Returner', 'Rehire', 'Transfer'];

/** Small seeded PRNG (mulberry32), so every run makes the same workbooks. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (r, list) => list[Math.floor(r() * list.length)];
/** Serial number of a `YYYY-MM-DD` day (spreadsheet dates). */
export const serialOf = (iso) =>
  Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000);
const isoOf = (serial) =>
  new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
const colLetter = (i) => {
  let n = i + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};

/** MOT column (0-based) of each shared field, as in the original tool. */
const MOT_COLUMNS = {
  id: 3,
  first: 4,
  last: 5,
  email: 19,
  work: 7,
  pay: 8,
  start: 9,
  title: 13,
  former: 16,
  kind: 1,
  sped: 15,
  cleared: 50,
  clearedSent: 51,
};
const MOT_WIDTH = 52;
const TRACKER_HEADERS = [
  'job_candidate_id',
  'First Name',
  'Last Name',
  'Personal Email',
  'Work Location',
  'Pay Location',
  'Start Date',
  'Title',
  'Former or Current KIPP',
  'New, Returners, Rehire or Transfer',
  'SpEd',
  'Cleared?',
  'Cleared Email Sent',
  'Rescinded',
  'Date Added',
  'Start Date - Last Updated',
  'Pay Location - Last Updated',
  'Main Last Updated',
];
const TECH_HEADERS = ['Laptop', 'Google Account', 'Badge', 'Tech Notes'];

function motHeaderRows() {
  const top = Array(MOT_WIDTH).fill(null);
  const names = Array.from({ length: MOT_WIDTH }, (_, i) => `HR Field ${colLetter(i)}`);
  top[0] = 'CANDIDATE';
  top[10] = 'OFFER';
  top[20] = 'ONBOARDING';
  top[50] = 'CLEARANCE';
  const named = {
    0: 'Recruiter',
    1: 'New, Returners, Rehire or Transfer',
    2: 'Offer Date',
    3: 'job_candidate_id',
    4: 'First Name',
    5: 'Last Name',
    6: 'Phone',
    7: 'Work Location',
    8: 'Pay Location',
    9: 'Start Date',
    10: 'Salary Step',
    11: 'Grade Level',
    12: 'Subject',
    13: 'Title',
    14: 'FTE',
    15: 'SpEd',
    16: 'Former or Current KIPP',
    17: 'Credential',
    18: 'Work Email',
    19: 'Personal Email',
    50: 'Cleared?',
    51: 'Cleared Email Sent',
  };
  for (const [i, name] of Object.entries(named)) names[Number(i)] = name;
  return [top, names];
}

/**
 * Hires of a school year. Each hire: the MOT's view now, plus what the tracker held after the
 * previous sync (`previous`), or `undefined` for a new hire.
 */
function makeHires(count, r) {
  const hires = [];
  for (let i = 0; i < count; i++) {
    const first = pick(r, FIRST);
    const last = pick(r, LAST);
    const school = pick(r, SCHOOLS);
    const start = serialOf('2023-07-31') + Math.floor(r() * 4) * 7;
    hires.push({
      id: 100200 + i * 7,
      first,
      last,
      email: `${first}.${last}${i}@example.org`.toLowerCase(),
      work: school,
      pay: r() < 0.9 ? school : 'KIPP NorCal Regional Office',
      start,
      title: pick(r, TITLES),
      former: r() < 0.3 ? 'Yes' : 'No',
      kind: pick(r, KINDS),
      sped: r() < 0.15 ? 'Yes' : 'No',
      cleared: r() < 0.6 ? 'Yes' : 'Pending',
      clearedSent: r() < 0.5 ? 'Yes' : '',
    });
  }
  return hires;
}

function motRow(h) {
  const row = Array(MOT_WIDTH).fill(null);
  row[0] = 'Recruiter A';
  row[2] = h.start - 60;
  row[6] = '(510) 555-0100';
  row[10] = 'Step 3';
  for (const [key, col] of Object.entries(MOT_COLUMNS)) row[col] = h[key] === '' ? null : h[key];
  return row;
}

function trackerRow(h, stamps, tech) {
  return [
    null,
    String(h.id),
    h.first,
    h.last,
    h.email,
    h.work,
    h.pay,
    isoOf(h.start),
    h.title,
    h.former,
    h.kind,
    h.sped,
    h.cleared,
    h.clearedSent || null,
    stamps.rescinded,
    stamps.added,
    stamps.start,
    stamps.pay,
    stamps.main,
    ...tech,
  ];
}

/**
 * The sample: `hires` people in the MOT (default 50); the previous sync knew about 80% of
 * them; since then HR changed some start dates, pay locations and titles, struck through a
 * few ids (rescinded offers), and the Tech team cleared some people into its archive.
 * Returns `{ mot, tracker }`, each `{ tabs: { [title]: { values, strikethrough, numberFormats } } }`.
 */
export function sampleSpreadsheets({ hires: count = 50, seed = 2324, schoolYear = '23-24' } = {}) {
  const r = rng(seed);
  const hires = makeHires(count, r);
  const motValues = [...motHeaderRows()];
  const struck = [];
  const trackerRows = [];
  const cleared = [];
  hires.forEach((h, i) => {
    const known = i % 5 !== 4; // the previous sync saw 4 of every 5
    const previous = { ...h };
    if (known) {
      // What HR changed since the previous sync.
      if (i % 11 === 3) h.start += 7;
      if (i % 13 === 5) h.pay = 'KIPP NorCal Regional Office';
      if (i % 9 === 2) h.title = 'Lead Teacher';
      if (i % 17 === 6) h.sped = h.sped === 'Yes' ? 'No' : 'Yes';
      const added = isoOf(serialOf('2023-05-01') + (i % 40));
      const startStamp = isoOf(serialOf('2023-05-01') + (i % 40) + (i % 3) * 5);
      const payStamp = added;
      const main = startStamp > payStamp ? startStamp : payStamp;
      const rescinded = i % 23 === 7 ? 'Yes - 2023-06-20' : '--';
      const tech =
        i % 6 === 0
          ? []
          : [
              pick(r, ['MacBook Air', 'Chromebook', 'Dell Latitude']),
              i % 2 ? 'Created' : 'Pending',
              i % 3 ? `B-${4000 + i}` : null,
              i % 7 === 1 ? 'Needs SpEd software' : null,
            ];
      trackerRows.push({
        h: previous,
        row: trackerRow(
          previous,
          { rescinded, added, start: startStamp, pay: payStamp, main },
          tech,
        ),
        main,
      });
    }
    if (i % 10 === 9 || i % 23 === 7 || i % 16 === 2) struck.push(`D${motValues.length + 1}`);
    if (i % 12 === 11 || i % 15 === 9) cleared.push(h.id);
    motValues.push(motRow(h));
    if (i === Math.floor(count / 2))
      motValues.push(motRow({ ...hires[0], id: null, first: 'TBD', last: 'Placeholder' }));
  });
  // Two people the Tech team still tracks who are no longer in HR's sheet.
  for (const k of [0, 1]) {
    const gone = { ...makeHires(1, rng(seed + k + 1))[0], id: 99000 + k };
    trackerRows.push({
      h: gone,
      row: trackerRow(
        gone,
        {
          rescinded: '--',
          added: '2023-04-03',
          start: '2023-04-03',
          pay: '2023-04-03',
          main: '2023-04-03',
        },
        ['Returned', 'Suspended', null, 'Left before start'],
      ),
      main: '2023-04-03',
    });
  }
  trackerRows.sort((a, b) => (a.main < b.main ? 1 : a.main > b.main ? -1 : 0));

  const trackerValues = [
    [`Tech On-boarder Provisioning Tracker ${schoolYear}`],
    ['LAST UPDATED: 06/30/23 @ 4:05 PM'],
    [],
    [null, ...TRACKER_HEADERS, ...TECH_HEADERS],
    ...trackerRows.map((t) => t.row),
  ];
  return {
    mot: {
      title: `Main On-boarding Tracker ${schoolYear}`,
      tabs: {
        Instructions: {
          values: [['HR: strike through the candidate id to mark a rescinded offer.']],
        },
        [`Master_${schoolYear}`]: {
          values: motValues,
          strikethrough: struck,
          numberFormats: {
            'J3:J': { type: 'DATE', pattern: 'yyyy-mm-dd' },
            'C3:C': { type: 'DATE', pattern: 'yyyy-mm-dd' },
          },
        },
      },
    },
    tracker: {
      title: `Tech On-boarder Provisioning Tracker ${schoolYear}`,
      tabs: {
        [`${schoolYear} Tracker`]: { values: trackerValues },
        [`${schoolYear} Cleared`]: {
          values: [
            [null, 'job_candidate_id', 'Name'],
            ...cleared.map((id) => [null, String(id), 'cleared']),
          ],
        },
      },
    },
  };
}
