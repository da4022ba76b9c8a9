// Handlers of the account channels (auth:*, users:*): thin, the rules live in src-main/auth. The caller's identity
// is always the one behind its session (effectiveUser), never anything in the arguments.
import type { Accounts } from '../auth/accounts';
import type { Security } from '../auth';
import type { Recovery } from '../auth/recovery';
import type { SignIn } from '../auth/sign-in';
import type { CallContext, SessionUser } from '../shared/context';
import type { authContract, FragmentHandlers } from '../shared/contract/auth';
import { AppFailure } from '../shared/result';

export interface AuthHandlerDeps {
  security: Pick<Security, 'status'>;
  signIn: SignIn;
  accounts: Accounts;
  recovery: Recovery;
  effectiveUser: (ctx: CallContext) => SessionUser | null;
}

/** Typed as HandlersFor<keyof typeof authContract> once authContract is merged into the one contract. */
export function createAuthHandlers(deps: AuthHandlerDeps): FragmentHandlers<typeof authContract> {
  const { signIn, accounts, recovery } = deps;
  const me = (ctx: CallContext) => {
    const user = deps.effectiveUser(ctx);
    if (!user) throw new AppFailure('unauthenticated', '请先登录');
    return user;
  };
  return {
    'auth:status': async (_a, ctx) => deps.security.status(ctx),
    'auth:setupAdmin': async (args, ctx) => {
      const { recoveryCode } = await accounts.setupAdmin(args, ctx);
      const session = await signIn.signIn(args.username, args.password, ctx.door, ctx);
      return { ...session, recoveryCode };
    },
    'auth:signIn': async ({ username, password }, ctx) => signIn.signIn(username, password, ctx.door, ctx),
    'auth:signOut': async (_a, ctx) => ({ signedOut: signIn.signOut(ctx.sessionId) }),
    'auth:changePassword': async ({ oldPassword, newPassword }, ctx) => {
      await accounts.changePassword(me(ctx).id, oldPassword, newPassword, ctx);
      return { changed: true };
    },
    'auth:recover': async (args, ctx) => recovery.recover(args, ctx),
    'users:list': async () => ({ users: accounts.list() }),
    'users:create': async (args, ctx) => accounts.create(args, ctx),
    'users:update': async (args, ctx) => accounts.update(args, ctx),
    'users:resetPassword': async ({ id, password }, ctx) =>
      accounts.update({ id, password }, ctx, '重置密码'),
    'users:remove': async ({ id }, ctx) => accounts.remove(id, ctx),
    'users:newRecoveryCode': async (_a, ctx) => ({ recoveryCode: await accounts.newRecoveryCode(ctx) }),
  };
}
