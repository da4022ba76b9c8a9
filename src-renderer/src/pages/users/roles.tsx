// How roles read on screen: a coloured tag and one line on what the role may do.
import { Tag } from 'antd';
import type { Role } from '../../../../src-main/shared/context';
import { roleLabel } from '../../lib/permissions';

const COLOR: Record<Role, string> = { admin: 'red', clue: 'volcano', member: 'blue', readonly: 'default' };

export const ROLE_HELP: Record<Role, string> = {
  admin: '管理全部数据、设置、用户和操作日志，可查看问题线索',
  member: '查看全部台账（问题线索除外），修改所在工作组的记录',
  clue: '查看和修改问题线索，修改所在工作组的其他记录',
  readonly: '只能查看（问题线索除外），不能新增、修改、删除或导入',
};

export function RoleTag({ role }: { role: Role }) {
  return (
    <Tag color={COLOR[role]} style={{ marginInlineEnd: 0 }}>
      {roleLabel(role)}
    </Tag>
  );
}
