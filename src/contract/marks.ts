/**
 * What each editorial mark means, written once: the key on each transcript page (src/core/marks-key.ts) and
 * the About page's editorial method (src/pages/about/index.astro) read these words, and each mark's entry
 * links to its section of the About page (`aboutRoute(id)`). The words screen readers hear before a mark
 * (src/styles/reading-text.css) say the same.
 */

export type MarkKind = 'unclear' | 'supplied' | 'direction' | 'omission' | 'excision'

export interface MarkMeaning {
  /** The About page section's id (`/about/#unclear`). */
  id: string
  /** The name a reader knows it by. */
  name: string
  /** What it means, in one sentence. */
  meaning: string
  /** How it looks on the page, for the About page: an example as printed. */
  example: string
}

export const markMeanings: Record<MarkKind, MarkMeaning> = {
  unclear: {
    id: 'unclear',
    name: 'Unclear passage',
    meaning:
      'Words the transcribers could not make out, or, with words inside, what they think they heard but could not be sure of. Shown in a muted colour with a dotted frame.',
    example: '[unclear] · (unintelligible) · (she’s off to)',
  },
  supplied: {
    id: 'supplied',
    name: 'Supplied by the editors',
    meaning: 'Words the editors added for sense: not spoken on the tape. Shown in square brackets with a tinted background.',
    example: '[the] IL-28s',
  },
  direction: {
    id: 'direction',
    name: 'Stage direction',
    meaning: 'A note on a sound or an action, not words spoken: laughter, a pause, a door. Shown in italics.',
    example: '[Laughs] · (Door closes) · (15 Second Pause)',
  },
  omission: {
    id: 'omission',
    name: 'Withheld',
    meaning: 'Material the editors or the archive withheld from the transcript. Shown in a dashed box.',
    example: '(Privileged Material Deleted)',
  },
  excision: {
    id: 'excision',
    name: 'Excision',
    meaning:
      'A stretch of the recording removed before release (often as classified information), with its length when the transcript gives one: a length, not a time on the tape.',
    example: '7 seconds excised',
  },
}

/** The About page's sections, by id. */
export const aboutSections = { marks: 'marks', times: 'times', sources: 'sources' } as const
