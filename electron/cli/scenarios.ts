/** Placeholder until the 'scenarios' command lands; it refuses rather than pretending. */
export async function run(_args: string[]): Promise<number> {
  console.error("sigtrail scenarios: not available in this build yet");
  return 2;
}
