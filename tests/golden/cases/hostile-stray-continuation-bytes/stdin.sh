# two stray UTF-8 continuation bytes (0x95) inside a text, then a decimal comma later on the
# same line: the column of the second error must count each invalid byte as one column
printf 'instansi "Kecamatan Contoh" {\n    tahun 2024\n}\n\n'
printf 'periksa "a\225\225b" == 1,5\n'
