// The one contract: every channel any door can call, merged from each domain's fragment.
// A door, the router and the renderer's client all take their types from here.
import * as z from 'zod';
// The one locale, not `z.locales` (all ~50 of them, a third of zod's code).
import zhCN from 'zod/v4/locales/zh-CN.js';
import type { CallContext } from '../context';
import type { ChannelDef } from './channel';
import { coreContract } from './core';
import { statsContract } from './stats';
import { wordContract } from './word';
import { excelContract } from './excel';
import { reportContract } from './report';
import { returnsContract } from './returns';
import { exchangeContract } from './exchange';
import { auditContract, authContract } from './auth';

// Zod's own messages (wrong type, unknown key…) in Chinese, for every door.
z.config(zhCN());

export const contract = {
  ...coreContract,
  ...statsContract,
  ...wordContract,
  ...excelContract,
  ...reportContract,
  ...returnsContract,
  ...exchangeContract,
  ...authContract,
  ...auditContract,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const CHANNELS = Object.keys(contract) as Channel[];

type Def<C extends Channel> =
  Contract[C] extends ChannelDef<infer A, infer R> ? { args: A; result: R } : never;
/** What a caller sends (defaults may be left out). */
export type ArgsOf<C extends Channel> = z.input<Def<C>['args']>;
/** What a handler receives, after validation and defaults. */
export type ParsedArgsOf<C extends Channel> = z.output<Def<C>['args']>;
export type ResultOf<C extends Channel> = Def<C>['result'];

export type Handler<C extends Channel> = (args: ParsedArgsOf<C>, ctx: CallContext) => Promise<ResultOf<C>>;
/** Every channel must have a handler: a missing one is a type error, not a run-time surprise. */
export type Handlers = { [C in Channel]: Handler<C> };
/** A domain's slice of handlers, declared next to its service. */
export type HandlersFor<K extends Channel> = { [C in K]: Handler<C> };

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export * from './channel';
export * from './core';
export * from './stats';
export * from './word';
export * from './excel';
export * from './report';
export * from './auth';
