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

    public Dossier withApplicant(String userId) {
        return new Dossier(season, name, idNumber, phone, email, series, specialty, targetLevel, currentLevel,
                currentTitleDate, education, graduationDate, workStartDate, regionWorkStartDate, employerName,
                employerCode, employerType, employerLevel, county, competentDepartment, evaluationType,
                serviceHistory, talentProgram, greenChannelUsed, examPassDate, examValidUntil, frontlineMedical,
                frontlineTiltUsed, continuingEducationDone, assessmentPassed, onInnovationLeave, userId);
    }
}
