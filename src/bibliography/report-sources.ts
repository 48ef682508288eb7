/**
 * Public reports outside the literature: issue trackers, forums and a blog. They set ranges, not
 * truths (a parameter resting on one has basis "reported"), and the talk the project comes from.
 */
import type { Source } from './source.js';

export const REPORT_SOURCES = {
  'openstack-nova-builds': {
    kind: 'code',
    authors: 'OpenStack Nova project',
    title: 'Compute service configuration: max_concurrent_builds',
    where: 'nova/conf/compute.py, OpenStack Nova compute service options',
    url: 'https://docs.openstack.org/nova/latest/configuration/config.html#DEFAULT.max_concurrent_builds',
    about:
      'max_concurrent_builds, default 10: the number of instance builds one nova-compute host runs at ' +
      'once; further build requests wait. A public, deployed default for how many creations an ' +
      'orchestrator drives in parallel on one host.',
  },
  'wang-hyperscale-vdpa': {
    kind: 'talk',
    authors: 'Jason Wang (Red Hat)',
    title: 'Hyperscale vDPA: Scaling Virtual Data Path Acceleration',
    where: 'KVM Forum talk (Linux Foundation recording); slides reference the virtio RFCs it proposes',
    about:
      'The designs this project compares: software CVQ, managed devices through a device_select capability ' +
      '(VIRTIO_PCI_CAP_MANAGED_DEV_CFG, config[256] + create), a device-command capability, the admin queue, ' +
      'PASID and device-MMU isolation, MSI-X message storing beyond 2048, on-demand provisioning. Its ' +
      'capabilities are proposals: none of them is in the virtio specification.',
  },
  'so-mmio-read': {
    kind: 'report',
    title: 'PCIe read latency of readl() on an Intel 10G NIC BAR',
    where: 'Stack Overflow question 17770823',
    url: 'https://stackoverflow.com/questions/17770823',
    about: 'About 5–5.5 µs for one non-posted readl() of a NIC register on a Xeon E5 host.',
  },
  'intel-forum-pio-read': {
    kind: 'report',
    title: 'How to improve PCIe PIO read performance',
    where: 'Intel community forum (community.intel.com)',
    url: 'https://community.intel.com/',
    about: 'At least 2 µs for a 64-bit read of a Xilinx FPGA BAR on a Xeon E3 host.',
  },
  'intel-forum-uc-writes': {
    kind: 'report',
    title: 'Why do MemReq TLPs take hundreds of nanoseconds between each other?',
    where: 'Intel community forum (community.intel.com)',
    url: 'https://community.intel.com/',
    about:
      'Uncached MMIO stores leave the core as separate TLPs 50–300 ns apart because the core serialises UC ' +
      'stores: a posted register write costs 0.1–0.3 µs of CPU, and 256 bytes written as 8-byte UC stores ' +
      '3–20 µs.',
  },
  'nmstate-vf-creation': {
    kind: 'report',
    title: 'nmstate pull request 1704 (SR-IOV VF creation time)',
    where: 'github.com/nmstate/nmstate/pull/1704',
    url: 'https://github.com/nmstate/nmstate/pull/1704',
    about: 'i40e creates 64 VFs in 22 s, about 0.34 s per VF, serially.',
  },
  'sriov-operator-vf-creation': {
    kind: 'report',
    title: 'sriov-network-operator issue 1015 (VF bring-up time on ConnectX-6 Lx)',
    where: 'github.com/k8snetworkplumbingwg/sriov-network-operator/issues/1015',
    url: 'https://github.com/k8snetworkplumbingwg/sriov-network-operator/issues/1015',
    about: 'ConnectX-6 Lx: 4 VFs ready in ≈ 1.6 s, 16 in ≈ 4.5 s, 125 in ≈ 65 s (about 0.5 s per VF).',
  },
  'mlnx-tools-sf-creation': {
    kind: 'report',
    authors: 'William Tu',
    title: 'mlnx-tools pull request 90 (mlnx-sf creation time)',
    where: 'github.com/Mellanox/mlnx-tools/pull/90',
    year: 2024,
    url: 'https://github.com/Mellanox/mlnx-tools/pull/90',
    about:
      'With about 400 SFs on a BlueField-2, creating one more took about 10 s (5 s after the fix), because ' +
      'the tool listed every port on each call: a management cost that grows with the instances present.',
  },
  'nv-kernels-strict-lazy': {
    kind: 'report',
    title: 'NV-Kernels pull request 182 (SMMUv3 invalidation on Grace)',
    where: 'github.com/NVIDIA/NV-Kernels/pull/182',
    url: 'https://github.com/NVIDIA/NV-Kernels/pull/182',
    about:
      '8 NVMe SSDs, 4 KiB random reads: 16.5 M IOPS in passthrough, 16.4 M with lazy invalidation, 2.8 M ' +
      'with strict invalidation (≈ 6× lower).',
  },
  'iova-stress-msix': {
    kind: 'report',
    title: 'iova_stress README (lspci of an Intel E810 VF)',
    where: 'github.com/soleen/iova_stress',
    url: 'https://github.com/soleen/iova_stress',
    about: 'An Intel E810 VF advertises an MSI-X table of 2048 entries.',
  },
  'donghwi-sriov': {
    kind: 'report',
    authors: 'Donghwi Kim',
    title: 'SR-IOV notes (blog)',
    where: 'blog.donghwi.kim',
    url: 'https://blog.donghwi.kim/',
    about: 'The often-quoted SR-IOV baseline of up to 256 VFs per device without ARI bus spanning.',
  },
} as const satisfies Record<string, Source>;
