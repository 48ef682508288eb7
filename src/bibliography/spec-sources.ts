/**
 * Specifications: the virtio spec (by revision, file and section title) and the Intel
 * Scalable I/O Virtualization specification. Normative text or constants: a model value taken
 * from here is a hard fact, not a calibration.
 */
import { type Source, VIRTIO } from './source.js';

const virtio = (file: string, section: string): string => `${VIRTIO}, ${file}, "${section}"`;

export const SPEC_SOURCES = {
  'virtio-admin': {
    kind: 'spec',
    authors: 'OASIS Virtual I/O Device (VIRTIO) TC',
    title: 'Device groups and Administration Virtqueues',
    where: `${VIRTIO}, admin.tex, "Device groups", "Group administration commands", "Administration Virtqueues"`,
    url: 'https://github.com/oasis-tcs/virtio-spec/blob/master/admin.tex',
    about:
      'The admin virtqueue standardised in virtio 1.3: a command is one descriptor chain with a 24-byte ' +
      'device-readable header (opcode, group type, member id) and an 8-byte status; the SR-IOV group type ' +
      '(members = VF numbers) is the only one beside Self; status codes include EAGAIN, ENOMEM and the ' +
      'NORESOURCE/TRYAGAIN qualifiers, and a command failing with EAGAIN has no side effect; commands are ' +
      'processed in order within one admin queue and in any relative order across queues; the talk’s ' +
      'per-field command classes are not standard opcodes.',
  },
  'virtio-admin-legacy': {
    kind: 'spec',
    authors: 'OASIS Virtual I/O Device (VIRTIO) TC',
    title: 'Group administration commands: legacy interfaces',
    where: virtio('admin-cmds-legacy-interface.tex', 'Legacy Interfaces'),
    url: 'https://github.com/oasis-tcs/virtio-spec/blob/master/admin-cmds-legacy-interface.tex',
    about:
      'LEGACY_COMMON_CFG_WRITE/READ and LEGACY_DEV_CFG_WRITE/READ carry one register offset and its data: one ' +
      'trapped legacy register access becomes exactly one admin command.',
  },
  'virtio-admin-parts': {
    kind: 'spec',
    authors: 'OASIS Virtual I/O Device (VIRTIO) TC',
    title: 'Device resource objects and device parts',
    where:
      `${VIRTIO}, admin-cmds-resource-objects.tex "Device resource objects", admin-cmds-device-parts.tex ` +
      '"Device parts", device-parts.tex',
    url: 'https://github.com/oasis-tcs/virtio-spec/blob/master/admin-cmds-device-parts.tex',
    about:
      'Added in the 1.4 line: resource objects addressed by (type, id) with a per-type limit the device ' +
      'advertises, and device parts (DEV_PARTS_GET/SET, DEV_MODE_SET for stop and resume) that carry a ' +
      "member's state for migration.",
  },
  'virtio-pci': {
    kind: 'spec',
    authors: 'OASIS Virtual I/O Device (VIRTIO) TC',
    title: 'Virtio Over PCI Bus',
    where:
      virtio('transport-pci.tex', 'Virtio Over PCI Bus') +
      ' (common configuration layout; MSI-X Vector Configuration)',
    url: 'https://github.com/oasis-tcs/virtio-spec/blob/master/transport-pci.tex',
    about:
      'The common configuration structure: num_queues and queue_size are 16-bit, admin_queue_index and ' +
      'admin_queue_num locate the admin queues (an owner may expose several). Interrupts map one MSI-X ' +
      'vector per virtqueue (queue_msix_vector) plus config_msix_vector; a device that cannot map answers ' +
      'NO_VECTOR and the driver falls back to shared vectors.',
  },
  'virtio-blk': {
    kind: 'spec',
    authors: 'OASIS Virtual I/O Device (VIRTIO) TC',
    title: 'Block Device',
    where:
      virtio('device-types/blk/description.tex', 'Block Device') +
      ' ("Virtqueues", "Feature bits", "Device configuration layout", "Device Operation")',
    url: 'https://github.com/oasis-tcs/virtio-spec/blob/master/device-types/blk/description.tex',
    about:
      'A block device has request virtqueues only (one, or num_queues with VIRTIO_BLK_F_MQ), no control ' +
      'queue. virtio_blk_config holds capacity (le64, in 512-byte sectors), size_max and seg_max (le32, with ' +
      'F_SIZE_MAX / F_SEG_MAX: the largest segment and the most segments per request), geometry, blk_size ' +
      '(le32, F_BLK_SIZE), topology (8 bytes, F_TOPOLOGY), writeback, num_queues (le16, F_MQ), then the ' +
      'discard, write-zeroes and secure-erase limits: 72 bytes before the zoned fields. A request is one ' +
      'descriptor chain: a 16-byte device-readable header (type IN/OUT, reserved, sector), the data, and a ' +
      'one-byte device-writable status.',
  },
  'virtio-net': {
    kind: 'spec',
    authors: 'OASIS Virtual I/O Device (VIRTIO) TC',
    title: 'Network Device',
    where:
      virtio('device-types/net/description.tex', 'Network Device') +
      ' ("Device configuration layout", "Control Virtqueue", "Notifications Coalescing")',
    url: 'https://github.com/oasis-tcs/virtio-spec/blob/master/device-types/net/description.tex',
    about:
      'virtio_net_config is about 28 bytes (mac, status, max_virtqueue_pairs, mtu, speed, duplex, RSS ' +
      'fields); max_virtqueue_pairs is 1..32768 and only the first pair and the control queue are active ' +
      'by default; control-queue classes RX, MAC, VLAN, ANNOUNCE, MQ, GUEST_OFFLOADS, NOTF_COAL; ' +
      'notification coalescing (VIRTIO_NET_F_NOTF_COAL bit 53, VQ_NOTF_COAL bit 52, in 1.3) notifies after ' +
      'max_packets completions or max_usecs after the first, whichever comes first, 0 in either meaning every ' +
      'packet, with counters per queue; upon reset a device initialises every coalescing parameter to 0.',
  },
  'virtio-rings': {
    kind: 'spec',
    authors: 'OASIS Virtual I/O Device (VIRTIO) TC',
    title: 'Split Virtqueues and Packed Virtqueues',
    where: `${VIRTIO}, split-ring.tex "Split Virtqueues", packed-ring.tex "Packed Virtqueues"`,
    url: 'https://github.com/oasis-tcs/virtio-spec/blob/master/split-ring.tex',
    about:
      'A virtqueue holds at most 32768 entries, a power of two for a split ring. A split ring is three areas ' +
      'the device reaches by DMA: it reads the available ring (flags, idx, then one 2-byte head index per ' +
      'buffer) to learn which descriptors the driver made available, reads those 16-byte descriptors from ' +
      'the descriptor table, and writes 8-byte elements and idx to the used ring. The spec sets no fetch ' +
      'batch: how many available entries a device reads at once is the device’s choice.',
  },
  'intel-vtd-spec': {
    kind: 'spec',
    authors: 'Intel Corporation',
    title: 'Intel Virtualization Technology for Directed I/O Architecture Specification',
    where:
      'Revision 4.1, document D51397; chapters "DMA Remapping" (root, context and PASID tables), ' +
      '"Translation Caching" and "Invalidation of Translation Caches" (queued invalidation)',
    year: 2023,
    url: 'https://www.intel.com/content/www/us/en/content-details/774206/intel-virtualization-technology-for-directed-i-o-architecture-specification.html',
    about:
      'A DMA request is translated through the root and context entries of its requester ID and, in ' +
      'scalable mode, the PASID directory and table; the remapping hardware caches each level — the context ' +
      'cache, the PASID cache, the IOTLB (second-stage entries tagged by domain id), the paging-structure ' +
      'caches — and software invalidates them through the invalidation queue with descriptors (context-cache, ' +
      'PASID-cache, IOTLB, device-TLB, interrupt-entry) and a wait descriptor whose status write tells ' +
      'software that the descriptors before it have completed. Cache sizes are implementation-specific.',
  },
  'intel-siov': {
    kind: 'spec',
    authors: 'Intel Corporation',
    title: 'Intel Scalable I/O Virtualization Technical Specification',
    where: 'Revision 1.1, document 337679-002',
    year: 2020,
    url: 'https://www.intel.com/content/www/us/en/developer/articles/technical/introducing-intel-scalable-io-virtualization.html',
    about:
      'The Interrupt Message Store (IMS): device-specific storage of MSI address/data pairs, on the device or ' +
      'in system memory, with no architectural 2048-entry limit; the limits move to interrupt-remapping ' +
      'entries and CPU vectors.',
  },
} as const satisfies Record<string, Source>;
