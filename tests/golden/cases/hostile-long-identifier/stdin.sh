# a 1 MiB identifier where a sasaran name is expected
printf 'instansi "Kecamatan Contoh" {\n    tahun 2024\n}\n\nsasaran '
awk 'BEGIN { s = "abcdefghijklmnop"; while (length(s) < 1048576) s = s s; printf "%s", s }'
printf ' "Meningkatnya kualitas pelayanan" {\n}\n'
