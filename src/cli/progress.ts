/** A one-line progress bar on stderr (redrawn in place on a terminal, one line per step otherwise). */
export function progressBar(total: number, width = 30) {
  let done = 0;
  const tty = process.stderr.isTTY;
  return {
    tick(label: string) {
      done++;
      const filled = Math.round((done / total) * width);
      const line = `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total} ${label}`;
      process.stderr.write(tty ? `\r${line.slice(0, process.stderr.columns - 1)}` : `${line}\n`);
    },
    done() {
      if (tty) process.stderr.write("\n");
    },
  };
}
