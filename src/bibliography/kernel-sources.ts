/**
 * Linux source files, each at the release where the cited constant or behaviour was read
 * (`LINUX` unless the entry names another). A constant in a header is as hard as a spec value;
 * a driver's behaviour is what deployed hosts do today.
 */
import { LINUX, type Source } from './source.js';

const tree = (path: string): string =>
  `https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/${path}`;
const file = (path: string, release: string = LINUX): string => `${release}, ${path}`;

export const KERNEL_SOURCES = {
  'linux-pci-regs': {
    kind: 'kernel',
    title: 'PCI configuration registers (uapi)',
    where: file('include/uapi/linux/pci_regs.h'),
    url: tree('include/uapi/linux/pci_regs.h'),
    about:
      'PCI_MSIX_FLAGS_QSIZE = 0x07FF: the MSI-X Table Size field has 11 bits and is encoded N − 1, so one ' +
      'function has at most 2048 MSI-X entries of 16 bytes each. PCI_EXP_DEVCTL_EXT_TAG (Extended Tag Field ' +
      'Enable: 8-bit tags, 256 outstanding non-posted requests instead of 32) and ' +
      'PCI_EXP_DEVCTL2_10BIT_TAG_REQ_EN (10-bit tags, 1024).',
  },
  'linux-pci-probe': {
    kind: 'kernel',
    title: 'PCI device probing and configuration',
    where: file('drivers/pci/probe.c'),
    url: tree('drivers/pci/probe.c'),
    about:
      'pci_configure_extended_tags enables the Extended Tag Field on every device that supports it (unless ' +
      'the host bridge forbids it): a PCIe function may keep 256 DMA read requests outstanding, the ' +
      'concurrency that hides DMA latency.',
  },
  'linux-intel-pasid': {
    kind: 'kernel',
    title: 'Intel VT-d scalable-mode PASID tables',
    where: file('drivers/iommu/intel/pasid.h'),
    url: tree('drivers/iommu/intel/pasid.h'),
    about:
      'PASID_MAX = 0x100000 (20-bit PASIDs); the PASID table has two levels, a directory of 8-byte entries ' +
      'over leaf pages of 64 entries × 64 bytes; an entry holds a 16-bit domain id (pasid_set_domain_id) and ' +
      'a translation type (first-level, second-level, nested, pass-through).',
  },
  'linux-intel-iommu': {
    kind: 'kernel',
    title: 'Intel VT-d driver definitions',
    where: file('drivers/iommu/intel/iommu.h'),
    url: tree('drivers/iommu/intel/iommu.h'),
    about: 'INTR_REMAP_TABLE_ENTRIES = 65536: one interrupt-remapping table of 65,536 entries per VT-d unit.',
  },
  'linux-x86-irq-vectors': {
    kind: 'kernel',
    title: 'x86 interrupt vector layout',
    where: file('arch/x86/include/asm/irq_vectors.h'),
    url: tree('arch/x86/include/asm/irq_vectors.h'),
    about:
      'Of the 256 IDT vectors of a CPU, device interrupts use those from 0x20 up to FIRST_SYSTEM_VECTOR, ' +
      'about 200 per CPU.',
  },
  'linux-kvm-posted-irq': {
    kind: 'kernel',
    title: 'KVM posted interrupts for assigned devices (VT-d)',
    where: `${file('arch/x86/kvm/vmx/posted_intr.c')}, drivers/iommu/intel/irq_remapping.c`,
    url: tree('arch/x86/kvm/vmx/posted_intr.c'),
    about:
      'vmx_pi_update_irte (through the irqbypass connection of one producer IRQ to one consumer) posts a ' +
      'host IRQ only when its MSI targets a single vCPU: irq_set_vcpu_affinity has intel_ir_set_vcpu_affinity ' +
      'rewrite the IRQ’s IRTE into posted format. The host IRQ stays allocated with its vector; an IRQ whose ' +
      'destination is not one vCPU stays remapped and is delivered through the host.',
  },
  'linux-net-dim': {
    kind: 'kernel',
    title: 'Dynamic interrupt moderation for networking',
    where: `${file('lib/dim/net_dim.c')}, include/linux/dim.h`,
    url: tree('lib/dim/net_dim.c'),
    about:
      'The five (usecs, packets) moderation levels of each profile (RX/TX, EQE/CQE based), the default ' +
      'level 1, and the decision rule: after a fixed number of events compare bytes, packets and events per ' +
      'ms with the previous sample, step left or right, park at the top and give up when tired.',
  },
  'linux-mlx5e-moderation': {
    kind: 'kernel',
    title: 'mlx5e default CQ moderation',
    where: file('drivers/net/ethernet/mellanox/mlx5/core/en.h'),
    url: tree('drivers/net/ethernet/mellanox/mlx5/core/en.h'),
    about:
      'MLX5E_PARAMS_DEFAULT_{RX,TX}_CQ_MODERATION_{USEC,PKTS}: 16 µs and 32 packets for EQE-based ' +
      'moderation, the static coalescing a deployed NIC starts from.',
  },
  'linux-vdpa-core': {
    kind: 'kernel',
    title: 'vDPA bus and management netlink',
    where: file('drivers/vdpa/vdpa.c'),
    url: tree('drivers/vdpa/vdpa.c'),
    about:
      'Every management operation (dev add, dev del, config and attribute set, device registration) takes ' +
      'the one global rw-semaphore vdpa_dev_lock for write (a global mutex, vdpa_dev_mutex, in older ' +
      'kernels): netlink provisioning is serialised across all parents. vdpa_nl_cmd_dev_add_set_doit holds ' +
      "it around the parent's dev_add only, which creates the device and registers it " +
      '(_vdpa_register_device asserts the lock; vdpa_register_device takes it), so any vDPA device, however ' +
      'created, registers under it; whatever the bus driver does at probe time runs inside it.',
  },
  'iproute2-vdpa': {
    kind: 'code',
    title: 'vdpa-dev(8): vdpa device configuration',
    where: 'iproute2 6.16 manual page (man7.org, manpages.ubuntu.com)',
    url: 'https://man7.org/linux/man-pages/man8/vdpa-dev.8.html',
    about:
      'vdpa dev add name NAME mgmtdev MGMTDEV [mac, mtu, max_vqp, device_features], vdpa dev del, vdpa dev ' +
      'config show: provisioning is one netlink request per instance.',
  },
  'linux-ifcvf': {
    kind: 'kernel',
    title: 'Intel IFC VF (N3000) vDPA driver',
    where: file('drivers/vdpa/ifcvf/ifcvf_base.h', 'Linux v6.1'),
    url: tree('drivers/vdpa/ifcvf/ifcvf_base.h?h=v6.1'),
    about:
      'N3000 device id 0x1041, subsystem 0x001A; IFCVF_MAX_QUEUES = 17 (8 data queue pairs and a control ' +
      'queue); IFCVF_QUEUE_MAX = 32768; one vDPA device per VF; per-VQ, shared-VQ or fully shared MSI-X modes.',
  },
  'linux-ifcvf-main': {
    kind: 'kernel',
    title: 'Intel IFC VF vDPA driver: probe, interrupts, doorbells',
    where: file('drivers/vdpa/ifcvf/ifcvf_main.c'),
    url: tree('drivers/vdpa/ifcvf/ifcvf_main.c'),
    about:
      'One vDPA device per management device, i.e. per PCI function (ifcvf_vdpa_dev_add refuses a second ' +
      'one); ifcvf_request_irq falls back from a vector per VQ to one shared VQ vector, whose handler ' +
      '(ifcvf_vqs_reused_intr_handler) walks every VQ and calls its callback, or to one vector for all; ' +
      'ifcvf_vdpa_get_vq_irq returns -EINVAL unless the VQ has its own vector, so no IRQ bypass (posted ' +
      'delivery) is set up for a shared one; get_vq_notification gives each VQ its notify address with ' +
      'notify_off_multiplier bytes (a page when the multiplier is 0).',
  },
  'linux-vdpa-groups': {
    kind: 'kernel',
    title: 'vDPA virtqueue groups and address spaces',
    where: `${file('include/linux/vdpa.h')}, drivers/vdpa/mlx5/net/mlx5_vnet.c, drivers/vdpa/vdpa_sim/vdpa_sim_net.c`,
    url: tree('include/linux/vdpa.h'),
    about:
      'A vDPA device has ngroups virtqueue groups and nas address spaces (vdpa_alloc_device); get_vq_group ' +
      'names the group of a virtqueue and set_group_asid binds a group to one address space, so the VQs of ' +
      'a group share one translation. mlx5_vdpa has 2 groups and 2 address spaces (MLX5_VDPA_DATAVQ_GROUP ' +
      'for every data VQ, MLX5_VDPA_CVQ_GROUP for the CVQ), vdpa_sim_net 2 and 2; vp_vdpa, ifcvf and VDUSE ' +
      'allocate 1 group and 1 address space.',
  },
  'linux-iommu-pasid': {
    kind: 'kernel',
    title: 'IOMMU API: reserved PASID',
    where: file('include/linux/iommu.h'),
    url: tree('include/linux/iommu.h'),
    about:
      'IOMMU_NO_PASID = 0 is reserved for DMA without a PASID (VT-d scalable mode uses it as RID_PASID); ' +
      'PASIDs handed out start at IOMMU_FIRST_GLOBAL_PASID = 1, so b PASID bits give 2^b − 1 PASIDs.',
  },
  'linux-vp-vdpa': {
    kind: 'kernel',
    title: 'vDPA parent over a virtio-pci device',
    where: file('drivers/vdpa/virtio_pci/vp_vdpa.c'),
    url: tree('drivers/vdpa/virtio_pci/vp_vdpa.c'),
    about:
      'One vDPA instance per virtio-pci function (PF or VF); DMA isolation comes from the platform IOMMU ' +
      '(vhost-vdpa programs an IOMMU domain), not from a device MMU. vp_vdpa_request_irq allocates exactly ' +
      'one MSI-X vector per virtqueue plus config and requests an IRQ on each; get_vq_notification returns ' +
      "each VQ's notify address, notify_off_multiplier bytes apart.",
  },
  'linux-vduse': {
    kind: 'kernel',
    title: 'vDPA Device in Userspace (VDUSE)',
    where: file('drivers/vdpa/vdpa_user/vduse_dev.c'),
    url: tree('drivers/vdpa/vdpa_user/vduse_dev.c'),
    about:
      'A userspace daemon serves the device: DMA goes through bounce pages (64 MiB by default, 1 MiB–1 GiB ' +
      'per device) or mapped user memory, control messages time out after 30 s, and the minor-number space ' +
      'allows 2^20 devices. Block devices (VIRTIO_ID_BLOCK) were the first it allowed; the daemon learns of ' +
      'a kick through the virtqueue’s eventfd and signals a completion with the VDUSE_VQ_INJECT_IRQ ioctl ' +
      '(include/uapi/linux/vduse.h).',
  },
  'linux-vdpa-sim-blk': {
    kind: 'kernel',
    title: 'vDPA block device simulator',
    where: file('drivers/vdpa/vdpa_sim/vdpa_sim_blk.c'),
    url: tree('drivers/vdpa/vdpa_sim/vdpa_sim_blk.c'),
    about:
      'vdpa_sim_blk offers SIZE_MAX, SEG_MAX, BLK_SIZE, TOPOLOGY, MQ, DISCARD and WRITE_ZEROES with ' +
      'VDPASIM_BLK_VQ_NUM = 1 request queue, size_max 0x1000 (4 KiB), seg_max 32 and blk_size 512; its ' +
      'backend is a ramdisk in host memory (capacity 0x40000 sectors = 128 MiB by default, a module ' +
      'parameter) that the kthread worker of vdpa_sim.c copies to and from with vringh through the software ' +
      'IOTLB, one request after another under the device lock.',
  },
  'linux-vdpa-sim': {
    kind: 'kernel',
    title: 'vDPA device simulator',
    where: `${file('drivers/vdpa/vdpa_sim/vdpa_sim.c')}, drivers/vdpa/vdpa_sim/vdpa_sim_net.c`,
    url: tree('drivers/vdpa/vdpa_sim/vdpa_sim_net.c'),
    about:
      'vdpa_sim_net has 3 virtqueues (RX, TX, CVQ), 2 address spaces and 2 VQ groups; its data path is a ' +
      'TX→RX loopback run by a kthread worker under a device spinlock, copying with vringh through a ' +
      'software IOTLB of max_iotlb_entries = 2048 per address space; it applies CVQ commands in software.',
  },
  'linux-vhost-vdpa': {
    kind: 'kernel',
    title: 'vhost-vdpa: the vhost backend of vDPA devices',
    where: file('drivers/vhost/vdpa.c'),
    url: tree('drivers/vhost/vdpa.c'),
    about:
      'A virtqueue interrupt reaches the guest by the virtqueue callback signalling its call eventfd, which ' +
      'KVM injects through irqfd; only a parent whose ops give get_vq_irq (a device interrupt, as vp_vdpa, ' +
      'ifcvf or mlx5_vdpa) has it registered as an IRQ-bypass producer (vhost_vdpa_setup_vq_irq). vdpa_sim and ' +
      'VDUSE give none: their interrupts are eventfd signals, with no device message entry behind them. ' +
      'vhost_vdpa_mmap maps one VQ doorbell per page into the guest, only when get_vq_notification gives ' +
      'a page-aligned area exactly one page long ("a doorbell per page"). ' +
      'Probing a device only creates its char device; the VMM then negotiates features, sets up each VQ ' +
      '(VHOST_SET_VRING_*), maps memory and sets DRIVER_OK (VHOST_VDPA_SET_STATUS) by ioctls, outside ' +
      'vdpa_dev_lock.',
  },
  'linux-virtio-vdpa': {
    kind: 'kernel',
    title: 'virtio-vdpa: vDPA devices as host virtio devices',
    where: file('drivers/virtio/virtio_vdpa.c'),
    url: tree('drivers/virtio/virtio_vdpa.c'),
    about:
      'virtio_vdpa_probe registers a virtio device, whose driver (virtio_net) probes at once: features, ' +
      "every VQ's setup and DRIVER_OK happen inside the registration, i.e. inside the parent's dev_add and " +
      'so under vdpa_dev_lock.',
  },
  'linux-pci-iov': {
    kind: 'kernel',
    title: 'PCI SR-IOV: sriov_numvfs',
    where: file('drivers/pci/iov.c'),
    url: tree('drivers/pci/iov.c'),
    about:
      'Writing sriov_numvfs enables that many VFs at once (pci_enable_sriov adds them one after another); ' +
      'a non-zero count cannot be changed to another non-zero count (EBUSY: "VFs already enabled"), so VFs ' +
      'are created in bulk and kept: a vDPA device is added to and removed from an existing VF.',
  },
  'linux-vhost': {
    kind: 'kernel',
    title: 'vhost core and its IOTLB API',
    where: `${file('drivers/vhost/vhost.c')}, include/uapi/linux/vhost_types.h`,
    url: tree('drivers/vhost/vhost.c'),
    about:
      'The software IOTLB of vhost holds max_iotlb_entries = 2048 and max_mem_regions = 64; vhost-vdpa maps ' +
      'guest memory through IOTLB UPDATE/INVALIDATE messages (batched with BATCH_BEGIN/END), in 4 KiB-aligned ' +
      'regions, once per memory map rather than per buffer.',
  },
  'linux-dma-iommu': {
    kind: 'kernel',
    title: 'IOMMU DMA API and deferred (lazy) invalidation',
    where: file('drivers/iommu/dma-iommu.c'),
    url: tree('drivers/iommu/dma-iommu.c'),
    about:
      'Lazy mode defers unmaps to a per-CPU flush queue of IOVA_DEFAULT_FQ_SIZE = 256 entries flushed at ' +
      'the latest after IOVA_DEFAULT_FQ_TIMEOUT = 10 ms (single-queue mode: 32,768 entries and 1000 ms). The ' +
      'queues and the timer belong to the domain (its DMA cookie): a full queue or the timer calls ' +
      'fq_flush_iotlb, i.e. flush_iotlb_all of the whole domain, and only then are the queued IOVAs freed ' +
      '(fq_ring_free), so an unmapped IOVA is never reallocated before its flush. iommu_dma_alloc_iova tries ' +
      'an IOVA below 4 GiB first for a PCI device; strict mode invalidates each unmapped range before freeing it.',
  },
  'linux-iova': {
    kind: 'kernel',
    title: 'IOVA allocator and its per-CPU caches',
    where: file('drivers/iommu/iova.c'),
    url: tree('drivers/iommu/iova.c'),
    about:
      'alloc_iova_fast first takes a recently freed IOVA of the same size from the per-CPU rcache ' +
      '(magazines of IOVA_MAG_SIZE entries, last in first out), else allocates a new range size-aligned ' +
      'from the top of the space: each dma_map gets an IOVA of its own, a freed one coming back only after ' +
      'dma-iommu freed it.',
  },
  'linux-iommu-core': {
    kind: 'kernel',
    title: 'IOMMU core: mapping pages of a domain',
    where: file('drivers/iommu/iommu.c'),
    url: tree('drivers/iommu/iommu.c'),
    about:
      'iommu_pgsize picks, for each step of iommu_map, the largest page size of the domain’s pgsize_bitmap ' +
      'that both the remaining size and the alignment of IOVA and physical address allow: a mapping smaller ' +
      'than 2 MiB, or not 2 MiB aligned in both spaces, is made of 4 KiB leaf entries.',
  },
  'linux-mlx5-vdpa-mr': {
    kind: 'kernel',
    title: 'mlx5 vDPA memory regions (memory keys)',
    where: file('drivers/vdpa/mlx5/core/mr.c'),
    url: tree('drivers/vdpa/mlx5/core/mr.c'),
    about:
      'With no memory map from userspace (virtio_vdpa), mlx5_vdpa uses a DMA memory region: one MKEY in ' +
      'physical-address mode (MLX5_MKC_ACCESS_MODE_PA, length64) through which the device emits the DMA ' +
      'API’s addresses untranslated. A set_map from vhost-vdpa (the guest memory map) builds a new region ' +
      'from the whole IOTLB, direct MKEYs over MTT entries and an indirect one over them, and replaces the ' +
      'old one: every map change rebuilds the keys; nothing is invalidated per page on the data path.',
  },
  'linux-intel-dmar': {
    kind: 'kernel',
    title: 'Intel VT-d queued invalidation',
    where: `${file('drivers/iommu/intel/dmar.c')}, drivers/iommu/intel/cache.c`,
    url: tree('drivers/iommu/intel/dmar.c'),
    about:
      'Each VT-d unit (DMAR) has one invalidation queue: qi_submit_sync copies the descriptors and a wait ' +
      'descriptor into it under the queue lock, moves the tail and spins until the wait descriptor’s status ' +
      'is written. Since 6.12 cache.c collects the descriptors of one flush (IOTLB and device-TLB ' +
      'invalidations of every cache tag) in a qi_batch of up to QI_MAX_BATCHED_DESC_COUNT = 16 and submits ' +
      'them together; before, each was submitted with its own wait.',
  },
  'linux-mlx5-cmd': {
    kind: 'kernel',
    title: 'mlx5 firmware command interface',
    where: file('drivers/net/ethernet/mellanox/mlx5/core/cmd.c'),
    url: tree('drivers/net/ethernet/mellanox/mlx5/core/cmd.c'),
    about:
      'The firmware offers 2^log_sz command slots, capped at MLX5_MAX_COMMANDS = 32 with one kept for page ' +
      'requests (31 regular slots); a counting semaphore bounds commands in flight and a throttle semaphore ' +
      'of ⌈31 / 2⌉ = 16 bounds the heavy command types, the async API included; commands time out after 60 s.',
  },
  'linux-mlx5-vdpa': {
    kind: 'kernel',
    title: 'mlx5 vDPA net driver',
    where: file('drivers/vdpa/mlx5/net/mlx5_vnet.c'),
    url: tree('drivers/vdpa/mlx5/net/mlx5_vnet.c'),
    about:
      'One vDPA net device per mlx5 function (VF or SF); the virtqueue limit started as ' +
      'MLX5_MAX_SUPPORTED_VQS = 16, was raised to 256 and is now read from device capabilities; guest memory ' +
      'is translated by the device through memory keys (MKEYs) rebuilt on set_map; the control queue is ' +
      'emulated in the driver and applied with firmware commands. get_vq_notification gives every VQ the ' +
      "same page, the instance's kick address (phys_kick_addr) in its function's BAR.",
  },
  'linux-nvme-admin': {
    kind: 'kernel',
    title: 'NVMe host definitions',
    where: file('include/linux/nvme.h'),
    url: tree('include/linux/nvme.h'),
    about:
      'NVME_AQ_DEPTH = 32: the admin queue Linux creates for every NVMe controller is 32 entries deep (one ' +
      'kept for asynchronous events), a widely deployed, shallow admin queue separate from the I/O queues.',
  },
  'linux-virtio-pci-admin': {
    kind: 'kernel',
    title: 'virtio-pci modern driver: admin virtqueue',
    where: `${file('drivers/virtio/virtio_pci_modern.c')}; the first driver as in Linux v6.8`,
    url: tree('drivers/virtio/virtio_pci_modern.c'),
    about:
      'The first in-tree admin-queue driver (Linux v6.8–v6.10) serialised commands under a mutex ' +
      '(admin_vq.cmd_lock) and busy-polled for each completion; since v6.11 (commits 4c3b54af907e and ' +
      '6d834691da47) commands complete by interrupt with several in flight, and a submitter that finds the ' +
      'ring full (-ENOSPC) retries in a cpu_relax() loop until an entry frees.',
  },
  'linux-mutex-spin': {
    kind: 'kernel',
    title: 'Kernel mutexes: optimistic spinning',
    where: file('kernel/locking/mutex.c'),
    url: tree('kernel/locking/mutex.c'),
    about:
      'mutex_optimistic_spin(): with CONFIG_MUTEX_SPIN_ON_OWNER a task that finds a mutex held spins, ' +
      'queued on an MCS lock, for as long as the owner runs on a CPU and no reschedule is due, instead of ' +
      'sleeping; a waiter behind a busy-polling owner therefore spins too.',
  },
  'linux-virtio-net-cvq': {
    kind: 'kernel',
    title: 'virtio-net driver: control virtqueue',
    where: file('drivers/net/virtio_net.c'),
    url: tree('drivers/net/virtio_net.c'),
    about:
      'virtnet_send_command() posts one command on the control virtqueue and spins (cpu_relax) until the ' +
      'device returns it; callers are serialised (rtnl_lock, and since Linux v6.10 the cvq_lock mutex), so ' +
      'a device has one control command outstanding; config changes are read by one work item per device ' +
      '(virtnet_config_changed_work). Coalescing starts at 0 (virtnet_probe: max_usecs 0, max_packets 0, ' +
      'TX max_packets 1 with TX NAPI: every completion notifies); adaptive moderation is RX-only ' +
      '(rq->dim, virtnet_rx_dim_work, since v6.6) and applies each new profile by a ' +
      'VIRTIO_NET_CTRL_NOTF_COAL_VQ_SET command on the control virtqueue.',
  },
} as const satisfies Record<string, Source>;
