# bash completion for sakip(1)                             -*- shell-script -*-
#
# Installed as $(datadir)/bash-completion/completions/sakip, where the
# bash-completion package loads it on demand; or source it from ~/.bashrc.
# Completes the commands, the options of each command (with the values of
# --format, --angka and --no-warn), and .sakip files.  It does not need the
# helpers of the bash-completion package.

_sakip_files()
{
    # $1: what to complete; $2: a glob the files must match (empty: any)
    local cur=$1 pattern=$2 IFS=$'\n' f
    local -a found
    if [[ -n $pattern ]]; then
        found=($(compgen -f -X "!$pattern" -- "$cur"))
    else
        found=($(compgen -f -- "$cur"))
    fi
    # directories too, so that a path can be completed step by step
    for f in $(compgen -d -- "$cur"); do
        found+=("$f")
    done
    if ((${#found[@]})); then
        COMPREPLY+=($(printf '%s\n' "${found[@]}" | sort -u))
    fi
    compopt -o filenames 2>/dev/null
}

# The values of an option that takes one; prints nothing for a file option.
_sakip_option_values()
{
    local command=$1 option=$2
    case $option in
    --format)
        case $command in
        check) echo "text json" ;;
        fmt) ;;
        *) echo "text json csv md html xlsx" ;;
        esac
        ;;
    --angka) echo "id en" ;;
    --no-warn) echo "W0505 W0506 W0508 W0514 W0520 W0605 W0606 W0607" ;;
    --tahun) date +%Y 2>/dev/null ;;
    esac
}

_sakip_complete_value()
{
    # $1 command, $2 option (without '='), $3 the value typed so far
    local command=$1 option=$2 cur=$3 values
    case $option in
    --output | --skenario)
        if [[ $option == --output && $command == eval ]]; then
            _sakip_files "$cur" ""
        else
            _sakip_files "$cur" "*.sakip"
        fi
        return 0
        ;;
    --andai)
        # a change such as 'realisasi IKM 2024 = 70': nothing to offer
        return 0
        ;;
    esac
    values=$(_sakip_option_values "$command" "$option")
    COMPREPLY=($(compgen -W "$values" -- "$cur"))
    return 0
}

_sakip()
{
    local cur=${COMP_WORDS[COMP_CWORD]}
    local prev=""
    ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
    COMPREPLY=()

    local commands="check eval repl fmt diff"
    local command="" i word
    local -i dashdash=0
    local -a args=()
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        if [[ -z $command ]]; then
            case $word in
            -*) ;;
            *) command=$word ;;
            esac
        elif [[ $word == -- ]]; then
            dashdash=1
        elif ((dashdash)) || [[ $word != -* && $word != = && ${COMP_WORDS[i - 1]} != = ]]; then
            # an argument (not an option, nor the value of --option=VALUE)
            case ${COMP_WORDS[i - 1]} in
            --format | --angka | --no-warn | --tahun | --output | --skenario | --andai) ;;
            *) args+=("$word") ;;
            esac
        fi
    done

    if [[ -z $command ]]; then
        COMPREPLY=($(compgen -W "$commands --help --version" -- "$cur"))
        return 0
    fi
    if ((dashdash)); then
        _sakip_arguments
        return 0
    fi

    # --option=VALUE: bash splits it at '=' (COMP_WORDBREAKS), so the word
    # being completed is either '=' itself or what follows it.
    if [[ $cur == = ]] && [[ $prev == --* ]]; then
        _sakip_complete_value "$command" "$prev" ""
        return 0
    fi
    if [[ $prev == = ]] && ((COMP_CWORD >= 2)) && [[ ${COMP_WORDS[COMP_CWORD - 2]} == --* ]]; then
        _sakip_complete_value "$command" "${COMP_WORDS[COMP_CWORD - 2]}" "$cur"
        return 0
    fi
    # ... or, when '=' is not a word break, one word '--format=js'
    if [[ $cur == --*=* ]]; then
        local option=${cur%%=*} value=${cur#*=}
        _sakip_complete_value "$command" "$option" "$value"
        local j
        for j in "${!COMPREPLY[@]}"; do
            COMPREPLY[j]="$option=${COMPREPLY[j]}"
        done
        return 0
    fi
    # the separate-argument form: --format json
    case $prev in
    --format | --angka | --no-warn | --tahun | --output | --skenario | --andai)
        _sakip_complete_value "$command" "$prev" "$cur"
        return 0
        ;;
    esac

    local options
    case $command in
    check) options="--werror --format= --no-warn= --tahun= --angka= --skenario= --andai= --help" ;;
    eval) options="--tahun= --format= --output= --angka= --no-warn= --skenario= --andai= --help" ;;
    repl) options="--angka= --help" ;;
    fmt) options="--check --write --help" ;;
    diff) options="--tahun= --angka= --no-warn= --help" ;;
    *) options="" ;;
    esac

    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$options" -- "$cur"))
        # no space after an option that takes a value
        if ((${#COMPREPLY[@]} == 1)) && [[ ${COMPREPLY[0]} == *= ]]; then
            compopt -o nospace 2>/dev/null
        fi
        return 0
    fi

    _sakip_arguments
    return 0
}

# Completes an argument of $command, the arguments before it being $args.
_sakip_arguments()
{
    case $command in
    check | eval | repl | fmt) _sakip_files "$cur" "*.sakip" ;;
    diff)
        # sakip diff FILE PK_A PK_B, or sakip diff FILE_A FILE_B: after the
        # first file, the perjanjian it declares as well as files
        if ((${#args[@]} >= 1 && ${#args[@]} <= 2)) && [[ -r ${args[0]} ]]; then
            local ids
            ids=$(sed -n 's/^[[:space:]]*perjanjian[[:space:]]\{1,\}\([A-Za-z_][A-Za-z0-9_]*\).*/\1/p' \
                "${args[0]}" 2>/dev/null)
            COMPREPLY=($(compgen -W "$ids" -- "$cur"))
        fi
        ((${#args[@]} < 3)) && _sakip_files "$cur" "*.sakip"
        ;;
    esac
}

complete -F _sakip sakip
