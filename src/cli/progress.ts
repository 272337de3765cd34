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

/** A byte-count progress bar on stderr: redrawn in place on a terminal, a line per 10% otherwise. */
export function byteProgress(total: number, width = 30) {
  let done = 0;
  let shown = -1;
  let label = "";
  const tty = process.stderr.isTTY;
  const mb = (n: number) => (n / 1e6).toFixed(1);
  const draw = () => {
    const filled = total > 0 ? Math.min(width, Math.floor((done / total) * width)) : width;
    const line = `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${mb(done)}/${mb(total)} MB ${label}`;
    process.stderr.write(tty ? `\r${line.slice(0, process.stderr.columns - 1)}` : `${line}\n`);
  };
  return {
    file(name: string) {
      label = name;
    },
    add(count: number) {
      done += count;
      const step = total > 0 ? Math.floor((done / total) * (tty ? 200 : 10)) : 0;
      if (step !== shown) {
        shown = step;
        draw();
      }
    },
    done() {
      if (tty) process.stderr.write("\n");
    },
  };
}
