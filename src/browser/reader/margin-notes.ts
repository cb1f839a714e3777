/**
 * Margin notes follow the speaker filter (issue 21, item 3). A note in the margin is placed at its first
 * reference by CSS anchor positioning (src/styles/notes.css); when the filter hides the turn holding that
 * reference, the note has nothing to stand beside. It is marked here, and notes.css folds it to nothing
 * where the note above it ends, so that the notes shown still stack one below the other.
 */
export function foldNotesOfHiddenTurns(): void {
  for (const note of document.querySelectorAll<HTMLElement>('.footnotes li[data-ref]')) {
    // `data-ref` is a CSS name made of letters, digits, `-` and `_` (src/core/margin-notes.ts).
    const reference = document.querySelector(`[data-anchor="${note.dataset.ref}"]`)
    note.toggleAttribute('data-ref-hidden', !!reference?.closest('[hidden]'))
  }
}
