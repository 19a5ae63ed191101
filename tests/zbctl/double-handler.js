/**
 * A zbctl worker handler: reads the job's variables as JSON on stdin, prints the result variables as JSON on
 * stdout. It doubles `n` and says who handled the job; with `fail: true` it exits non-zero (zbctl fails the job).
 */
let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => (input += chunk));
process.stdin.on('end', () => {
  const variables = input.trim() ? JSON.parse(input) : {};
  if (variables.fail) {
    process.stderr.write('handler was asked to fail');
    process.exit(3);
  }
  process.stdout.write(JSON.stringify({ doubled: Number(variables.n) * 2, handledBy: 'zbctl-handler' }));
});
