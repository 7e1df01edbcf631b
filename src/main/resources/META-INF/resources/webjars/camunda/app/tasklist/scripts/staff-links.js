// Tasklist plugins of the product (loaded by config.js customScripts): the reviewers' workbench in the header, and
// a task's 申报详情 tab that opens the application's readable page in a new tab — before the task is claimed too.
// Links only: what a page shows is decided by the server for the signed-in user.

const link = (href, text) => {
  const a = document.createElement('a');
  a.href = href;
  a.target = '_blank';
  a.rel = 'noopener';
  a.textContent = text;
  return a;
};

const workbench = {
  id: 'chifeng.staff.workbench',
  pluginPoint: 'tasklist.navbar.action',
  priority: 200,
  render: (container) => {
    container.replaceChildren(link('/staff/', '审核工作台'));
  }
};

const details = {
  id: 'chifeng.task.application',
  pluginPoint: 'tasklist.task.detail',
  priority: 100,
  properties: { label: '申报详情' },
  render: (container, { taskId }) => {
    const p = document.createElement('p');
    p.style.padding = '1em';
    p.append(link('/staff/tasks/' + encodeURIComponent(taskId), '在新窗口打开申报详情和材料'),
      document.createTextNode('（认领前也可查看；个人信息核实、单位注册等任务的内容见“表单”）'));
    container.replaceChildren(p);
  }
};

export default [workbench, details];
