// Usage: node scripts/wait-for-http.mjs URL [TIMEOUT_SECONDS] [PID]
// Polls URL until it answers 200. Gives up after the timeout, or at once if process PID exits.
const [url, timeoutArg = '60', pidArg] = process.argv.slice(2);
if (!url) {
  console.error('usage: wait-for-http.mjs URL [TIMEOUT_SECONDS] [PID]');
  process.exit(2);
}

const deadline = Date.now() + Number(timeoutArg) * 1000;
const pid = pidArg ? Number(pidArg) : undefined;

function isAlive(id) {
  try {
    process.kill(id, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

let last = 'no answer yet';
while (Date.now() < deadline) {
  if (pid !== undefined && !isAlive(pid)) {
    console.error(`${url}: process ${pid} exited before it was ready`);
    process.exit(1);
  }
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    await response.arrayBuffer();
    if (response.status === 200) process.exit(0);
    last = `status ${response.status}`;
  } catch (error) {
    last = error.cause?.code ?? error.message;
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
}
console.error(`${url}: not ready after ${timeoutArg} s (${last})`);
process.exit(1);
