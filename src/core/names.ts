/** How a transcript is named where a title is shown: its heading, or its document id when it has none. */
export function transcriptTitle(json: { title?: string | null; id: string }): string {
  return json.title || `Document ${json.id}`
}
