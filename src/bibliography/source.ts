/**
 * One public document that a number, a limit or a behaviour of the model rests on. Every entry
 * can be opened by anyone: a paper (authors, venue, year, DOI), a specification section (the
 * virtio spec by revision and file), a Linux source file (path and release), a vendor document
 * (title and number), a patch series or a public report. `about` says, in this project's own
 * words, what the model takes from it.
 */
export type SourceKind = 'paper' | 'spec' | 'kernel' | 'patch' | 'vendor' | 'report' | 'talk' | 'code';

export interface Source {
  readonly kind: SourceKind;
  /** Authors or the publishing organisation. */
  readonly authors?: string;
  readonly title: string;
  /** Venue, spec revision and file, kernel release and path, document number, or site. */
  readonly where: string;
  readonly year?: number;
  readonly doi?: string;
  readonly url?: string;
  /** What the model takes from it. */
  readonly about: string;
}

/** Where the model's linux citations were read: a long-term release unless an entry says otherwise. */
export const LINUX = 'Linux v6.12';
/** The virtio specification revision the spec citations were read at (admin queues since 1.3). */
export const VIRTIO =
  'OASIS virtio specification, revision virtio-v1.4-cs01 (github.com/oasis-tcs/virtio-spec)';
