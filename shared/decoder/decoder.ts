/**
 * Composition root of the decoder: builds the dispatch tables from every
 * protocol family and exposes a frame-by-frame decoder.
 */
import { DecodeContext, DispatchTables, StateBag, defaultDecodeOptions, type DecodeOptions } from './context.js';
import { registerNet } from './net/register.js';
import { registerSs7 } from './ss7/register.js';
import { registerTcap } from './tcap/register.js';
import { registerDiameter } from './diameter/register.js';

export function buildTables(): DispatchTables {
  const t = new DispatchTables();
  registerNet(t);
  registerSs7(t);
  registerTcap(t);
  registerDiameter(t);
  return t;
}

export function createContext(opts: Partial<DecodeOptions> = {}): DecodeContext {
  return new DecodeContext(buildTables(), { ...defaultDecodeOptions, ...opts }, new StateBag());
}
