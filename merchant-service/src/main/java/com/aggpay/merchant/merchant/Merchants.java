package com.aggpay.merchant.merchant;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface Merchants extends BaseMapper<Merchant> {

    default Optional<Merchant> findById(String merchantId) {
        return Optional.ofNullable(selectById(merchantId));
    }

    /** The row locked until the transaction ends: every state change of a merchant starts here. */
    @Select("SELECT merchant_id, mch_no, company_name, state, reject_reason, created_at, updated_at FROM merchant"
            + " WHERE merchant_id = #{merchantId} FOR UPDATE")
    Merchant lock(@Param("merchantId") String merchantId);

    default Optional<Merchant> findByMchNo(String mchNo) {
        return Optional.ofNullable(selectOne(Wrappers.<Merchant>lambdaQuery().eq(Merchant::getMchNo, mchNo)));
    }
}
