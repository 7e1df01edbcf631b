package cn.chifeng.title.publicity;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import cn.chifeng.title.common.TaskCompletionRule;
import cn.chifeng.title.process.NoticeWorkProcess;
import cn.chifeng.title.process.NoticeWorkProcess.Vars;
import cn.chifeng.title.security.CompletionRefusedException;

/** 发布公示's form rules, before the engine runs: a selection, a start date that is a date, a period of days. */
@Component
class PublishNoticeRule implements TaskCompletionRule {
    @Override
    public Set<String> forms() {
        return Set.of(NoticeWorkProcess.FORM);
    }

    @Override
    public void check(Map<String, Object> submitted, Function<String, Object> taskVariable) {
        if (selection(submitted.get(Vars.SELECTED)).isEmpty()) {
            throw new CompletionRefusedException(Vars.SELECTED, "请至少勾选一件申报列入公示");
        }
        startDate(submitted.get(Vars.START_DATE));
        workingDays(submitted.get(Vars.WORKING_DAYS));
    }

    /** The checklist's value: Tasklist sends a JSON array of strings; Java callers a list. */
    static List<String> selection(Object value) {
        List<String> ids = new ArrayList<>();
        if (value instanceof List<?> l) {
            l.forEach(x -> ids.add(String.valueOf(x)));
        } else if (value != null && !value.toString().isBlank()) {
            try {
                for (var n : new com.fasterxml.jackson.databind.ObjectMapper().readTree(value.toString())) {
                    ids.add(n.asText());
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new CompletionRefusedException(Vars.SELECTED, "所选申报无法识别");
            }
        }
        return ids.stream().distinct().toList();
    }

    static LocalDate startDate(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.toString().substring(0, Math.min(10, value.toString().length())));
        } catch (DateTimeParseException e) {
            throw new CompletionRefusedException(Vars.START_DATE, "公示开始日期应为 YYYY-MM-DD");
        }
    }

    static Integer workingDays(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return (int) Double.parseDouble(value.toString());
        } catch (NumberFormatException e) {
            throw new CompletionRefusedException(Vars.WORKING_DAYS, "公示期应为工作日数");
        }
    }
}
