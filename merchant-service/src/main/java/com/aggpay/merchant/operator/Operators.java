package com.aggpay.merchant.operator;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface Operators extends BaseMapper<Operator> {

    default Optional<Operator> findByUsername(String username) {
        return Optional.ofNullable(selectById(username));
    }
}
