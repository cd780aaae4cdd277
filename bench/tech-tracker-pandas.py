#!/usr/bin/python3
"""The original tech-tracker's merge, in pandas, timed on the same rows as diffTracker.

Run with Debian's own interpreter (python3-pandas):  /usr/bin/python3 bench/tech-tracker-pandas.py DATA.json [RUNS]
DATA.json holds {shared, stamps, mot, tracker, cleared, rescinded, today} as written by
bench/tech-tracker.bench.mjs. Prints {"seconds": median, "runs": [...], "rows": n} as JSON.
Only the merge is timed (building the DataFrames from the sheets' values is not), as for diffTracker.
"""
import json
import statistics
import sys
import time

import pandas as pd

START, PAY = 'Start Date', 'Pay Location'
START_STAMP, PAY_STAMP, MAIN = 'Start Date - Last Updated', 'Pay Location - Last Updated', 'Main Last Updated'


def sync(mot, tracker, cleared, rescinded, today):
    # Drop MOT rows with a blank id and ids the Tech team cleared.
    mot = mot[mot['job_candidate_id'] != '']
    mot = mot[~mot['job_candidate_id'].isin(cleared)]
    # Back up the tracker, then update existing records from the MOT by id.
    backup = tracker.copy()
    updated = tracker.set_index('job_candidate_id')
    updated.update(mot.set_index('job_candidate_id'))
    updated = updated.reset_index()
    # Compare with the backup: key-field changes get a date stamp.
    for field, stamp in ((START, START_STAMP), (PAY, PAY_STAMP)):
        changed = updated[field].values != backup[field].values
        updated.loc[changed, stamp] = today
    updated[MAIN] = updated[[START_STAMP, PAY_STAMP]].max(axis=1)
    # Append MOT records missing from the tracker.
    new = mot[~mot['job_candidate_id'].isin(updated['job_candidate_id'])].copy()
    new['Rescinded'] = '--'
    for column in ('Date Added', START_STAMP, PAY_STAMP, MAIN):
        new[column] = today
    merged = pd.concat([updated, new], ignore_index=True)
    # Rescinded offers: struck-through ids still marked "--".
    mask = merged['job_candidate_id'].isin(rescinded) & (merged['Rescinded'] == '--')
    merged.loc[mask, 'Rescinded'] = 'Yes - ' + today
    return merged.sort_values(MAIN, ascending=False, kind='stable')


def main():
    with open(sys.argv[1]) as f:
        data = json.load(f)
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    columns = data['shared']
    tracker_columns = columns + data['stamps'] + ['tech_0', 'tech_1']
    mot = pd.DataFrame(data['mot'], columns=columns)
    tracker = pd.DataFrame(data['tracker'], columns=tracker_columns)
    cleared, rescinded = set(data['cleared']), set(data['rescinded'])
    times = []
    result = None
    for _ in range(runs + 1):
        started = time.perf_counter()
        result = sync(mot, tracker, cleared, rescinded, data['today'])
        times.append(time.perf_counter() - started)
    times = times[1:]  # the first run warms pandas' caches up
    print(json.dumps({'seconds': statistics.median(times), 'runs': times, 'rows': len(result)}))


if __name__ == '__main__':
    main()
