// The working shell: the frame (header, menu, store notices) with the signed-in user's corner, and the routed page.
import { useAppData } from '../hooks/useAppData';
import { useHashRoute } from '../hooks/useHashRoute';
import { menuKeyOf, RouteView } from './routes';
import { ShellFrame } from './ShellFrame';
import { UserMenu } from './UserMenu';

export function AppShell() {
  const { info, settings, viewer } = useAppData();
  const [path] = useHashRoute();
  return (
    <ShellFrame
      info={info}
      settings={settings}
      viewer={viewer}
      selected={menuKeyOf(path)}
      stage="app"
      headerEnd={<UserMenu />}
    >
      <RouteView path={path} viewer={viewer} />
    </ShellFrame>
  );
}
