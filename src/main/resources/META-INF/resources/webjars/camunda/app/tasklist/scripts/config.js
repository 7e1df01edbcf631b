/*
 * Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH
 * under one or more contributor license agreements. See the NOTICE file
 * distributed with this work for additional information regarding copyright
 * ownership. Camunda licenses this file to you under the Apache License,
 * Version 2.0; you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

export default {
  // the product's plugins: 审核工作台 in the header, a task's 申报详情 tab
  customScripts: ['scripts/staff-links.js'],
  app: {
    name: '任务列表',
    vendor: '赤峰市职称评审'
  },
  // 浏览器语言只取第一个子标签（zh-CN -> zh），因此键为 'zh'
  locales: {
    availableLocales: ['zh'],
    fallbackLocale: 'zh'
  },
  // 中国习惯的日期格式（moment.js 格式串）
  dateFormat: {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'YYYY-MM-DD HH:mm',
    normal: 'YYYY-MM-DD HH:mm',
    long: 'YYYY年M月D日 HH:mm',
    short: 'YYYY-MM-DD'
  },
  // NOTE (7.24): the red "migrate to Camunda 8" bar (div.ce-eol-banner, label
  // BANNER_CE_EOL_TEXT) is NOT configurable here: the header widget hard-codes
  // $scope.isCommunityEdition = true. It is hidden via styles/user-styles.css.
  // csrfCookieName: 'XSRF-TOKEN',
  // disableWelcomeMessage: false,
  // assignProcessInstanceIdToTaskComment: true,

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '认领当前选中的任务'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '将焦点移至列表中的第一个过滤器'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: '将焦点移至列表中的第一个任务'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: '将焦点移至任务表单中的第一个输入框'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: '打开“启动流程”对话框'
    }
  }
};
