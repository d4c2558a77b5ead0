package com.aggpay.merchant.merchant;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface Merchants extends BaseMapper<Merchant> {

    default Optional<Merchant> findById(String merchantId) {
        return Optional.ofNullable(selectById(merchantId));
    }

    default Optional<Merchant> findByMchNo(String mchNo) {
        return Optional.ofNullable(selectOne(Wrappers.<Merchant>lambdaQuery().eq(Merchant::getMchNo, mchNo)));
    }
}
