/** Placeholder until the 'analyze' command lands; it refuses rather than pretending. */
export async function run(_args: string[]): Promise<number> {
  console.error("sigtrail analyze: not available in this build yet");
  return 2;
}
