# 4096 deterministic pseudo-random bytes (the ZX81 linear congruential generator),
# written with printf octal escapes so that no awk or locale can change them
bytes=$(awk 'BEGIN { x = 1; for (i = 0; i < 4096; i++) { x = (x * 75 + 74) % 65537; printf "\\%03o", x % 256 } }')
printf "$bytes"
