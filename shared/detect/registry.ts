/** Detector registry: ids are unique; registering a duplicate throws. */
import type { Detector } from './types.js';

export class DetectorRegistry {
  private readonly byId = new Map<string, Detector>();

  register(d: Detector): this {
    const id = d.meta.id;
    if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) throw new Error(`detector id ${JSON.stringify(id)}: expected kebab-case [a-z0-9-]`);
    if (this.byId.has(id)) throw new Error(`detector id '${id}' is already registered`);
    this.byId.set(id, d);
    return this;
  }

  get(id: string): Detector | undefined {
    return this.byId.get(id);
  }

  all(): Detector[] {
    return [...this.byId.values()];
  }

  ids(): string[] {
    return [...this.byId.keys()];
  }
}
