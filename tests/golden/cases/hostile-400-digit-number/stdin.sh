# a target of 400 digits
printf 'instansi "Kecamatan Contoh" {\n    tahun 2024\n}\n\n'
printf 'sasaran S1 "Meningkatnya kualitas pelayanan" {\n'
printf '    indikator IKM "Indeks Kepuasan Masyarakat" {\n'
printf '        satuan "indeks"\n        polaritas positif\n        target '
awk 'BEGIN { for (i = 0; i < 40; i++) printf "1234567890" }'
printf '\n        realisasi 83.63\n'
printf '        penanggung_jawab "Seksi Pelayanan"\n        sumber "SUKMA-E"\n    }\n}\n'
