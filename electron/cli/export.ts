/** Placeholder until the 'export' command lands; it refuses rather than pretending. */
export async function run(_args: string[]): Promise<number> {
  console.error("sigtrail export: not available in this build yet");
  return 2;
}
