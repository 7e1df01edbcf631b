package cn.chifeng.title.portal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.chifeng.title.common.ApiException;
import cn.chifeng.title.profile.Profile;
import cn.chifeng.title.profile.ProfileService;

/**
 * The profile page's form as the fields a browser posts, and back: rows of titles ({@code title0Level}…) and of work
 * and service history ({@code work0From}…), an empty row left out; a date that is not one is a field message.
 */
final class ProfileForm {
    static final int TITLE_ROWS = 3;
    static final int WORK_ROWS = 4;

    private ProfileForm() {
    }

    static ProfileService.Input read(Map<String, String> f) {
        List<ApiException.FieldError> errors = new ArrayList<>();
        LocalDate graduation = date(f, "graduationDate", errors);
        LocalDate workStart = date(f, "workStartDate", errors);
        List<Profile.Title> titles = new ArrayList<>();
        for (int i = 0; i < TITLE_ROWS; i++) {
            String p = "title" + i;
            if (filled(f, p + "Level", p + "Series", p + "Date", p + "Certificate")) {
                titles.add(new Profile.Title(blank(f.get(p + "Level")), blank(f.get(p + "Series")),
                        date(f, p + "Date", errors), blank(f.get(p + "Certificate"))));
            }
        }
        List<Profile.WorkPeriod> work = new ArrayList<>();
        for (int i = 0; i < WORK_ROWS; i++) {
            String p = "work" + i;
            if (filled(f, p + "From", p + "To", p + "Organisation", p + "Post", p + "Place")) {
                work.add(new Profile.WorkPeriod(date(f, p + "From", errors), date(f, p + "To", errors),
                        blank(f.get(p + "Organisation")), blank(f.get(p + "Post")), blank(f.get(p + "Place"))));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new ProfileService.Input(blank(f.get("education")), graduation, workStart, blank(f.get("employer")),
                blank(f.get("county")), titles, work);
    }

    /** The fields of a stored profile, to fill the form again. */
    static Map<String, String> fields(Profile p) {
        Map<String, String> f = new LinkedHashMap<>();
        put(f, "education", p.education());
        put(f, "graduationDate", p.graduationDate());
        put(f, "workStartDate", p.workStartDate());
        put(f, "employer", p.employerCode() != null ? p.employerCode() : ProfileService.FREELANCER);
        put(f, "county", p.employerCode() == null ? p.county() : null);
        for (int i = 0; i < Math.min(TITLE_ROWS, p.titles().size()); i++) {
            Profile.Title t = p.titles().get(i);
            put(f, "title" + i + "Level", t.level());
            put(f, "title" + i + "Series", t.series());
            put(f, "title" + i + "Date", t.obtainedOn());
            put(f, "title" + i + "Certificate", t.certificateNo());
        }
        for (int i = 0; i < Math.min(WORK_ROWS, p.work().size()); i++) {
            Profile.WorkPeriod w = p.work().get(i);
            put(f, "work" + i + "From", w.from());
            put(f, "work" + i + "To", w.to());
            put(f, "work" + i + "Organisation", w.organisation());
            put(f, "work" + i + "Post", w.post());
            put(f, "work" + i + "Place", w.place());
        }
        return f;
    }

    private static boolean filled(Map<String, String> f, String... keys) {
        for (String k : keys) {
            if (blank(f.get(k)) != null) {
                return true;
            }
        }
        return false;
    }

    private static LocalDate date(Map<String, String> f, String key, List<ApiException.FieldError> errors) {
        String v = blank(f.get(key));
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            errors.add(new ApiException.FieldError(key, "日期格式应为 年-月-日，例如 2010-08-01"));
            return null;
        }
    }

    private static void put(Map<String, String> f, String k, Object v) {
        if (v != null) {
            f.put(k, v.toString());
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
