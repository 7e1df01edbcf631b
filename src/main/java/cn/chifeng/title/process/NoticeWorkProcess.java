package cn.chifeng.title.process;

/**
 * Ids of the {@code notice-work} process: one open 发布公示 task per publishing body and kind of stage notice (单位推荐人选,
 * 花名册) while applications wait for it; completing it publishes the selection.
 */
public final class NoticeWorkProcess {
    public static final String KEY = "notice-work";
    public static final String TASK_PUBLISH = "Task_PublishNotice";
    public static final String FORM = "publish-notice";

    /** Process variables, written by the product (the task's form sets only its three fields). */
    public static final class Vars {
        public static final String PUBLISHER_GROUP = "publisherGroup";
        public static final String NOTICE_KIND = "noticeKind";
        public static final String KIND_LABEL = "kindLabel";
        /** The applications waiting now, as the form's checklist offers them ({label, value}). */
        public static final String WAITING_OPTIONS = "waitingOptions";
        public static final String WAITING_COUNT = "waitingCount";
        /** The form's fields. */
        public static final String SELECTED = "selectedApplications";
        public static final String START_DATE = "startDate";
        public static final String WORKING_DAYS = "workingDays";

        private Vars() {
        }
    }

    /** The business key of a body's open work for a kind of notice. */
    public static String businessKey(String kind, String group) {
        return kind + ":" + group;
    }

    private NoticeWorkProcess() {
    }
}
