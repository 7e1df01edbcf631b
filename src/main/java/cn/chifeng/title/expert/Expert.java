package cn.chifeng.title.expert;

import java.util.List;

import cn.chifeng.title.code.Level;

/**
 * An expert of a committee's pool (评审专家). {@code internalUnitCode} is the credit code of the self-evaluating unit
 * the expert belongs to, or null when the expert is not internal to one (EVA-2: one third external peers);
 * {@code seasonsServed} lists the years the expert sat on a committee, ascending (EVA-2: three consecutive years).
 */
public record Expert(long id, String committee, String name, String specialty, Level level, String employerName,
                     String employerCode, boolean privateEnterprise, String internalUnitCode,
                     List<Integer> seasonsServed, String account, String phone, boolean retired) {

    public Expert {
        seasonsServed = seasonsServed == null ? List.of() : seasonsServed.stream().distinct().sorted().toList();
    }

    /** The same expert with another id (a row of a file becomes the expert it updates). */
    Expert withId(long newId) {
        return new Expert(newId, committee, name, specialty, level, employerName, employerCode, privateEnterprise,
                internalUnitCode, seasonsServed, account, phone, retired);
    }

    Expert withSeasons(List<Integer> seasons) {
        return new Expert(id, committee, name, specialty, level, employerName, employerCode, privateEnterprise,
                internalUnitCode, seasons, account, phone, retired);
    }

    Expert withRetired(boolean isRetired) {
        return new Expert(id, committee, name, specialty, level, employerName, employerCode, privateEnterprise,
                internalUnitCode, seasonsServed, account, phone, isRetired);
    }
}
