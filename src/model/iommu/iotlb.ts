/**
 * A set-associative LRU cache of page translations (IOTLB, device TLB, device MMU, paging-
 * structure cache), in typed arrays so that it costs the same whether it holds 64 or 2048
 * entries and can be unit tested alone (docs/model.md, "Data path").
 *
 * A key is a non-negative integer below 2^53 naming one translation: the caller packs the
 * context tag and the page number into it (see `AddressLayout`). `ways: 0` means fully
 * associative (one set of `entries` ways).
 *
 * Layout: slot s belongs to set ⌊s / ways⌋; each set keeps a doubly-linked LRU list over its
 * slots (`prev`/`next`, most recent first) and a free list of slots emptied by invalidation.
 * An open-addressing hash table (linear probing, backward-shift deletion) maps key → slot,
 * so a lookup is O(1) for every associativity, the 2048-entry fully associative software
 * IOTLB included.
 *
 * Set selection hashes the whole key (murmur3 fmix32 of both 32-bit halves), i.e. pages are
 * placed in sets pseudo-randomly. Hardware indexes by low page-number bits, which spreads a
 * contiguous working set perfectly; hashing is the conservative choice (it adds conflict
 * misses) and keeps the contexts of many instances from aliasing into the same sets.
 */
import type { Resettable } from '../../stats/stats-set.js';

const EMPTY = -1;
const TWO_POW_32 = 4294967296;

function hashKey(key: number): number {
  const lo = key >>> 0;
  const hi = (key - lo) / TWO_POW_32;
  let h = Math.imul(lo ^ Math.imul(hi | 0, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export class Iotlb implements Resettable {
  readonly entries: number;
  /** Ways per set (= entries when fully associative). */
  readonly ways: number;
  readonly sets: number;
  /** Lookups and hits since construction or the last `reset` (its owner's StatsSet calls it at the warm-up boundary). */
  lookups = 0;
  hits = 0;

  private readonly slotKey: Float64Array;
  private readonly prev: Int32Array;
  private readonly next: Int32Array;
  private readonly mru: Int32Array;
  private readonly lru: Int32Array;
  private readonly freeHead: Int32Array;
  private readonly tableKey: Float64Array;
  private readonly tableSlot: Int32Array;
  /** Home bucket of each table entry (saves rehashing during deletion). */
  private readonly tableHome: Int32Array;
  /** Table position of each slot's key. */
  private readonly slotPos: Int32Array;
  private readonly tableMask: number;
  private readonly tableShift: number;
  private occupied = 0;
  /**
   * The key `access` is filling, handed to `fill` through this field rather than as an
   * argument: a key is a double above 2^31, and a double passed to a call the JIT does not
   * inline is boxed into a fresh heap number — one allocation per miss (345 scavenges per 45M
   * lookups at 100% misses, measured). Initialised to a double so the field stays unboxed.
   */
  private missKey = 0.5;

  constructor(entries: number, ways: number) {
    if (!Number.isInteger(entries) || entries < 0)
      throw new RangeError(`Iotlb: entries must be ≥ 0, got ${entries}`);
    // A cache of 0 entries is a valid configuration (no cache): every access misses.
    const w = entries === 0 ? 1 : ways === 0 ? entries : ways;
    if (!Number.isInteger(w) || w < 1 || (entries > 0 && entries % w !== 0)) {
      throw new RangeError(
        `Iotlb: ways (${ways}) must divide entries (${entries}), or be 0 (fully associative)`,
      );
    }
    this.entries = entries;
    this.ways = w;
    this.sets = Math.max(1, entries / w);
    this.slotKey = new Float64Array(Math.max(1, entries)).fill(EMPTY);
    this.prev = new Int32Array(Math.max(1, entries));
    this.next = new Int32Array(Math.max(1, entries));
    this.mru = new Int32Array(this.sets).fill(EMPTY);
    this.lru = new Int32Array(this.sets).fill(EMPTY);
    this.freeHead = new Int32Array(this.sets);
    this.resetFreeLists();
    // The table holds at most 1/8 keys per bucket: a miss (probe, evict with backward shift,
    // re-probe) then walks clusters of about one bucket. At the load of 1/2 it had before, the
    // probe loops' unpredictable exits made a miss cost 79 ns against 33 ns now (64 entries,
    // 2048: 95 → 37 ns; bench/iotlb-miss.ts), and a 100K-instance data-path run 20% slower.
    // The table only maps key → slot, so its size changes no result. 2048 entries: 256 KiB.
    let bits = 4;
    while (1 << bits < 8 * entries) bits++;
    this.tableMask = (1 << bits) - 1;
    this.tableShift = 32 - bits;
    this.tableKey = new Float64Array(1 << bits).fill(EMPTY);
    this.tableSlot = new Int32Array(1 << bits);
    this.tableHome = new Int32Array(1 << bits);
    this.slotPos = new Int32Array(Math.max(1, entries));
  }

  /** Translations currently cached. */
  get size(): number {
    return this.occupied;
  }

  /** The set a key maps to (for per-set analysis in tests). */
  setOf(key: number): number {
    return this.sets === 1 ? 0 : (hashKey(key) & 0x7fffffff) % this.sets;
  }

  /**
   * One translation request: true on a hit (the entry becomes most recent); on a miss the
   * translation is filled, evicting the set's least recently used entry if the set is full.
   */
  access(key: number): boolean {
    this.lookups++;
    if (this.entries === 0) return false;
    const h = hashKey(key);
    const home = h >>> this.tableShift;
    let i = home;
    const tk = this.tableKey;
    for (;;) {
      const k = tk[i] as number;
      if (k === key) {
        this.hits++;
        this.touch(this.tableSlot[i] as number);
        return true;
      }
      if (k === EMPTY) break;
      i = (i + 1) & this.tableMask;
    }
    this.missKey = key;
    // Small integers only across the call (see missKey).
    this.fill(home, i, this.sets === 1 ? 0 : (h & 0x7fffffff) % this.sets);
    return false;
  }

  /** True when the key is cached; does not count as a lookup or change recency. */
  contains(key: number): boolean {
    return this.find(key) !== EMPTY;
  }

  /** Removes the key's translation (an invalidation); true if it was cached. */
  invalidate(key: number): boolean {
    const i = this.find(key);
    if (i === EMPTY) return false;
    const slot = this.tableSlot[i] as number;
    this.removeFromTable(i);
    const set = Math.floor(slot / this.ways);
    this.unlink(slot, set);
    this.slotKey[slot] = EMPTY;
    this.next[slot] = this.freeHead[set] as number;
    this.freeHead[set] = slot;
    this.occupied--;
    return true;
  }

  /**
   * Removes every translation with a key in [lo, hi) (a domain-selective flush: a domain's
   * keys are one range, see AddressLayout); returns how many were cached. O(entries).
   */
  invalidateRange(lo: number, hi: number): number {
    let removed = 0;
    for (let slot = 0; slot < this.entries; slot++) {
      const key = this.slotKey[slot] as number;
      if (key !== EMPTY && key >= lo && key < hi && this.invalidate(key)) removed++;
    }
    return removed;
  }

  /** Drops every translation (a global flush). */
  clear(): void {
    this.slotKey.fill(EMPTY);
    this.tableKey.fill(EMPTY);
    this.mru.fill(EMPTY);
    this.lru.fill(EMPTY);
    this.resetFreeLists();
    this.occupied = 0;
  }

  /** Restarts the counts (a StatsSet `Resettable`); the cached translations stay. */
  reset(): void {
    this.lookups = 0;
    this.hits = 0;
  }

  private resetFreeLists(): void {
    const w = this.ways;
    if (this.entries === 0) {
      this.freeHead[0] = EMPTY;
      return;
    }
    for (let s = 0; s < this.sets; s++) {
      const base = s * w;
      this.freeHead[s] = base;
      for (let j = 0; j < w; j++) this.next[base + j] = j + 1 < w ? base + j + 1 : EMPTY;
    }
  }

  private find(key: number): number {
    let i = hashKey(key) >>> this.tableShift;
    const tk = this.tableKey;
    for (;;) {
      const k = tk[i] as number;
      if (k === key) return i;
      if (k === EMPTY) return EMPTY;
      i = (i + 1) & this.tableMask;
    }
  }

  /**
   * Miss path for `missKey` (home bucket `home`): take a free slot of the set or evict its LRU
   * entry, then insert at table position `pos`.
   */
  private fill(home: number, pos: number, set: number): void {
    const key = this.missKey;
    let slot = this.freeHead[set] as number;
    if (slot !== EMPTY) {
      this.freeHead[set] = this.next[slot] as number;
      this.occupied++;
    } else {
      slot = this.lru[set] as number;
      this.unlink(slot, set);
      this.removeFromTable(this.slotPos[slot] as number);
      // The removal may have shifted entries into the probe path of `key`: find its place again.
      pos = home;
      while (this.tableKey[pos] !== EMPTY) pos = (pos + 1) & this.tableMask;
    }
    this.slotKey[slot] = key;
    this.tableKey[pos] = key;
    this.tableSlot[pos] = slot;
    this.tableHome[pos] = home;
    this.slotPos[slot] = pos;
    this.pushFront(slot, set);
  }

  private touch(slot: number): void {
    const set = Math.floor(slot / this.ways);
    if (this.mru[set] === slot) return;
    this.unlink(slot, set);
    this.pushFront(slot, set);
  }

  private pushFront(slot: number, set: number): void {
    const head = this.mru[set] as number;
    this.prev[slot] = EMPTY;
    this.next[slot] = head;
    if (head !== EMPTY) this.prev[head] = slot;
    else this.lru[set] = slot;
    this.mru[set] = slot;
  }

  private unlink(slot: number, set: number): void {
    const p = this.prev[slot] as number;
    const n = this.next[slot] as number;
    if (p !== EMPTY) this.next[p] = n;
    else this.mru[set] = n;
    if (n !== EMPTY) this.prev[n] = p;
    else this.lru[set] = p;
  }

  /** Backward-shift deletion (Knuth 6.4 Algorithm R): no tombstones, probe chains stay short. */
  private removeFromTable(i: number): void {
    const tk = this.tableKey;
    const ts = this.tableSlot;
    const mask = this.tableMask;
    let hole = i;
    let j = i;
    for (;;) {
      tk[hole] = EMPTY;
      for (;;) {
        j = (j + 1) & mask;
        const k = tk[j] as number;
        if (k === EMPTY) return;
        const home = this.tableHome[j] as number;
        // Entry j may move into the hole unless its home lies cyclically in (hole, j].
        const stays = hole <= j ? hole < home && home <= j : hole < home || home <= j;
        if (!stays) break;
      }
      const moved = ts[j] as number;
      tk[hole] = tk[j] as number;
      ts[hole] = moved;
      this.tableHome[hole] = this.tableHome[j] as number;
      this.slotPos[moved] = hole;
      hole = j;
    }
  }
}
