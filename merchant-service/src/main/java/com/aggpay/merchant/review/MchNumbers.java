package com.aggpay.merchant.review;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;

/** Hands out merchant numbers from {@code mch_no_sequence}: M20001, M20002, … never the same twice. */
@Mapper
public interface MchNumbers {

    /** A holder for the generated key. */
    final class Next {
        private Long id;

        public Long getId() { return id; }
        public void setId(Long id) { this.id = id; }
    }

    @Insert("INSERT INTO mch_no_sequence () VALUES ()")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    int insert(Next next);

    /** Outside any transaction of the caller is fine: a number taken by an approval that then fails is just skipped. */
    default String next() {
        Next next = new Next();
        insert(next);
        return "M" + next.getId();
    }
}
