package cn.chifeng.title.portal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.chifeng.title.application.Dossier;
import cn.chifeng.title.common.ApiException;
import cn.chifeng.title.organisation.OrganisationDirectory;

/**
 * The application form of the portal as the fields a browser posts, and back: dates and ticks read here (a date that
 * is not one is a field message, never a 500); the employer is chosen from the directory, so its name, type, level,
 * county and competent department are the directory's, not the browser's; everything else is checked by the same
 * service as the API's.
 */
final class DossierForm {
    /** Value of the employer field for a person without an employer (自由职业者). */
    static final String FREELANCER = "FREELANCER";
    static final int SERVICE_ROWS = 3;
    static final List<String> TICKS = List.of("greenChannelUsed", "frontlineMedical", "frontlineTiltUsed",
            "continuingEducationDone", "assessmentPassed", "onInnovationLeave");

    private DossierForm() {
    }

    /** The person's fixed data: from the account when there is one (real name and ID number as registered). */
    record Person(String name, String idNumber, String phone, String email) {
    }

    static Dossier read(Map<String, String> f, int season, Person person, OrganisationDirectory directory) {
        List<ApiException.FieldError> errors = new ArrayList<>();
        String employer = blankToNull(f.get("employer"));
        String employerName = null;
        String employerCode = null;
        String employerType = null;
        String employerLevel = null;
        String county = blankToNull(f.get("county"));
        String department = blankToNull(f.get("competentDepartment"));
        if (employer == null) {
            errors.add(new ApiException.FieldError("employer", "请选择工作单位（自由职业者选“自由职业”）"));
        } else if (FREELANCER.equals(employer)) {
            employerName = "自由职业";
            employerType = "FREELANCER";
        } else {
            var e = directory.employer(employer).orElse(null);
            if (e == null) {
                errors.add(new ApiException.FieldError("employer", "所选单位未注册或未通过审核，请重新选择"));
            } else {
                employerName = e.name();
                employerCode = e.code();
                employerType = e.type();
                employerLevel = e.level();
                county = e.county();
                department = e.competentDepartment();
            }
        }
        List<Dossier.ServicePeriod> service = new ArrayList<>();
        for (int i = 0; i < SERVICE_ROWS; i++) {
            LocalDate from = date(f, "service" + i + "From", errors);
            LocalDate to = date(f, "service" + i + "To", errors);
            String place = blankToNull(f.get("service" + i + "Place"));
            if (from != null || to != null || place != null) {
                service.add(new Dossier.ServicePeriod(from, to, place));
            }
        }
        Dossier d = new Dossier(season, person.name() != null ? person.name() : blankToNull(f.get("name")),
                person.idNumber() != null ? person.idNumber() : blankToNull(f.get("idNumber")),
                blankToNull(f.get("phone")), blankToNull(f.get("email")), blankToNull(f.get("series")),
                blankToNull(f.get("specialty")), blankToNull(f.get("targetLevel")), blankToNull(f.get("currentLevel")),
                date(f, "currentTitleDate", errors), blankToNull(f.get("education")),
                date(f, "graduationDate", errors), date(f, "workStartDate", errors),
                date(f, "regionWorkStartDate", errors), employerName, employerCode, employerType, employerLevel, county,
                department, f.getOrDefault("evaluationType", "REGULAR"), service,
                f.getOrDefault("talentProgram", "NONE"), tick(f, "greenChannelUsed"), date(f, "examPassDate", errors),
                date(f, "examValidUntil", errors), tick(f, "frontlineMedical"), tick(f, "frontlineTiltUsed"),
                tick(f, "continuingEducationDone"), tick(f, "assessmentPassed"), tick(f, "onInnovationLeave"), null);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return d;
    }

    /** The fields of a stored dossier, to fill the form again. */
    static Map<String, String> fields(Dossier d) {
        Map<String, String> f = new LinkedHashMap<>();
        put(f, "name", d.name());
        put(f, "idNumber", d.idNumber());
        put(f, "phone", d.phone());
        put(f, "email", d.email());
        put(f, "series", d.series());
        put(f, "specialty", d.specialty());
        put(f, "targetLevel", d.targetLevel());
        put(f, "currentLevel", d.currentLevel());
        put(f, "currentTitleDate", d.currentTitleDate());
        put(f, "education", d.education());
        put(f, "graduationDate", d.graduationDate());
        put(f, "workStartDate", d.workStartDate());
        put(f, "regionWorkStartDate", d.regionWorkStartDate());
        put(f, "employer", d.employerCode() != null ? d.employerCode()
                : "FREELANCER".equals(d.employerType()) ? FREELANCER : null);
        put(f, "county", d.county());
        put(f, "competentDepartment", d.competentDepartment());
        put(f, "evaluationType", d.evaluationType());
        put(f, "talentProgram", d.talentProgram());
        put(f, "examPassDate", d.examPassDate());
        put(f, "examValidUntil", d.examValidUntil());
        if (d.serviceHistory() != null) {
            for (int i = 0; i < Math.min(SERVICE_ROWS, d.serviceHistory().size()); i++) {
                Dossier.ServicePeriod p = d.serviceHistory().get(i);
                put(f, "service" + i + "From", p.from());
                put(f, "service" + i + "To", p.to());
                put(f, "service" + i + "Place", p.place());
            }
        }
        tick(f, "greenChannelUsed", d.greenChannelUsed());
        tick(f, "frontlineMedical", d.frontlineMedical());
        tick(f, "frontlineTiltUsed", d.frontlineTiltUsed());
        tick(f, "continuingEducationDone", d.continuingEducationDone());
        tick(f, "assessmentPassed", d.assessmentPassed());
        tick(f, "onInnovationLeave", d.onInnovationLeave());
        return f;
    }

    /** The API's field names are the form's, except the employer's, which the form asks as one choice. */
    static String formField(String apiField) {
        return switch (apiField) {
            case "employerName", "employerCode", "employerType", "employerLevel" -> "employer";
            default -> apiField.startsWith("serviceHistory") ? "service0From" : apiField;
        };
    }

    private static void put(Map<String, String> f, String k, Object v) {
        if (v != null) {
            f.put(k, v.toString());
        }
    }

    private static void tick(Map<String, String> f, String k, Boolean v) {
        if (Boolean.TRUE.equals(v)) {
            f.put(k, "true");
        }
    }

    private static Boolean tick(Map<String, String> f, String k) {
        String v = f.get(k);
        return v != null && (v.equals("true") || v.equals("on"));
    }

    private static LocalDate date(Map<String, String> f, String k, List<ApiException.FieldError> errors) {
        String v = blankToNull(f.get(k));
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            errors.add(new ApiException.FieldError(k, "日期格式应为“年-月-日”，例如 2015-07-01"));
            return null;
        }
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.trim();
    }
}
