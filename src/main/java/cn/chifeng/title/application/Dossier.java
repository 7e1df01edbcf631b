package cn.chifeng.title.application;

import cn.chifeng.title.code.EmployerLevel;

import cn.chifeng.title.code.EmployerType;

import cn.chifeng.title.code.Education;

import cn.chifeng.title.code.Level;

import cn.chifeng.title.code.Series;

import java.time.LocalDate;
import java.util.List;

/**
 * The applicant's dossier (申报信息), as submitted to {@code POST /api/applications}. Codes are kept as
 * strings so that every wrong field can be reported at once (APP-8); {@link DossierValidator} checks them.
 */
public record Dossier(
        Integer season,
        String name,
        String idNumber,
        String phone,
        String email,
        String series,
        String specialty,
        String targetLevel,
        String currentLevel,
        LocalDate currentTitleDate,
        String education,
        LocalDate graduationDate,
        LocalDate workStartDate,
        LocalDate regionWorkStartDate,
        String employerName,
        String employerCode,
        String employerType,
        String employerLevel,
        String county,
        String competentDepartment,
        String evaluationType,
        List<ServicePeriod> serviceHistory,
        String talentProgram,
        Boolean greenChannelUsed,
        LocalDate examPassDate,
        LocalDate examValidUntil,
        Boolean frontlineMedical,
        Boolean frontlineTiltUsed,
        Boolean continuingEducationDone,
        Boolean assessmentPassed,
        Boolean onInnovationLeave,
        String applicantUserId) {

    /** A period of service at one kind of place; {@code to} is inclusive, null while ongoing. */
    public record ServicePeriod(LocalDate from, LocalDate to, String place) {
    }

    public Series seriesCode() {
        return Series.valueOf(series);
    }

    public Level target() {
        return Level.valueOf(targetLevel);
    }

    public Level current() {
        return currentLevel == null ? Level.NONE : Level.valueOf(currentLevel);
    }

    public Education educationCode() {
        return Education.valueOf(education);
    }

    public EmployerType employerTypeCode() {
        return EmployerType.valueOf(employerType);
    }

    public EmployerLevel employerLevelCode() {
        return EmployerLevel.valueOf(employerLevel);
    }

    /**
     * The fields that decide the route, the committee and the one-application-per-level rule (APP-2, APP-3): fixed
     * once submitted — a correction after a return cannot change them (REV-8).
     */
    public static final List<String> ROUTE_FIELDS = List.of("season", "idNumber", "series", "targetLevel",
            "employerCode", "employerName", "employerType", "employerLevel", "county", "competentDepartment",
            "evaluationType", "talentProgram", "greenChannelUsed");

    /** A field message for each route field the correction sets to another value (a null one keeps it). */
    public List<cn.chifeng.title.common.ApiException.FieldError> changedRouteFields(Dossier c) {
        List<cn.chifeng.title.common.ApiException.FieldError> e = new java.util.ArrayList<>();
        check(e, "season", season, c.season);
        check(e, "idNumber", idNumber, c.idNumber);
        check(e, "series", series, c.series);
        check(e, "targetLevel", targetLevel, c.targetLevel);
        check(e, "employerCode", employerCode, c.employerCode);
        check(e, "employerName", employerName, c.employerName);
        check(e, "employerType", employerType, c.employerType);
        check(e, "employerLevel", employerLevel, c.employerLevel);
        check(e, "county", county, c.county);
        check(e, "competentDepartment", competentDepartment, c.competentDepartment);
        check(e, "evaluationType", evaluationType, c.evaluationType);
        check(e, "talentProgram", talentProgram, c.talentProgram);
        check(e, "greenChannelUsed", greenChannelUsed, c.greenChannelUsed);
        return e;
    }

    private static void check(List<cn.chifeng.title.common.ApiException.FieldError> e, String field, Object was,
                              Object now) {
        boolean same = now == null || (was instanceof String s && now instanceof String t
                ? s.trim().equalsIgnoreCase(t.trim()) : now.equals(was));
        if (!same) {
            e.add(new cn.chifeng.title.common.ApiException.FieldError(field,
                    "退回修改时不能更改决定审核路径、评委会和申报资格的内容（如需更改请撤回后重新申报）"));
        }
    }

    /** This dossier with the correction's other fields (route fields and the applicant kept from this one). */
    public Dossier withCorrections(Dossier c) {
        return new Dossier(season, c.name != null ? c.name : name, idNumber, c.phone, c.email, series, c.specialty,
                targetLevel, c.currentLevel, c.currentTitleDate, c.education, c.graduationDate, c.workStartDate,
                c.regionWorkStartDate, employerName, employerCode, employerType, employerLevel, county,
                competentDepartment, evaluationType, c.serviceHistory, talentProgram, greenChannelUsed, c.examPassDate,
                c.examValidUntil, c.frontlineMedical, c.frontlineTiltUsed, c.continuingEducationDone,
                c.assessmentPassed, c.onInnovationLeave, applicantUserId);
    }

    public Dossier withApplicant(String userId) {
        return new Dossier(season, name, idNumber, phone, email, series, specialty, targetLevel, currentLevel,
                currentTitleDate, education, graduationDate, workStartDate, regionWorkStartDate, employerName,
                employerCode, employerType, employerLevel, county, competentDepartment, evaluationType,
                serviceHistory, talentProgram, greenChannelUsed, examPassDate, examValidUntil, frontlineMedical,
                frontlineTiltUsed, continuingEducationDone, assessmentPassed, onInnovationLeave, userId);
    }
}
