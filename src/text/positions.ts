/** A 1-based line and column in a text, as editors and terminals show them. */
export interface Position {
  line: number;
  column: number;
}

/** Offsets ↔ 1-based lines and columns of one text, built once and shared by whoever needs it. */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string, private readonly firstLine = 1) {
    for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) this.lineStarts.push(index + 1);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Offset of the first character of a line. */
  lineStart(line: number): number {
    return this.lineStarts[line - this.firstLine] ?? this.text.length;
  }

  /** The text of a line, without its newline. */
  lineText(line: number): string {
    const start = this.lineStart(line);
    const next = this.lineStarts[line - this.firstLine + 1];
    return this.text.slice(start, next === undefined ? this.text.length : next - 1);
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle]! <= clamped) low = middle;
      else high = middle - 1;
    }
    return { line: low + this.firstLine, column: clamped - this.lineStarts[low]! + 1 };
  }
}
